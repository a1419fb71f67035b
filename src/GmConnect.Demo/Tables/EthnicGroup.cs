namespace GmConnect.Demo.Tables;

/// <summary>The broad heritage groups whose name pools the generator draws from.</summary>
internal enum EthnicGroup
{
    WhiteBritish,
    Irish,
    EasternEuropean,
    PakistaniBangladeshi,
    Indian,
    BlackAfrican,
    BlackCaribbean,
    Chinese,
}
