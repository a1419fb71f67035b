namespace GmConnect.Demo.Output;

/// <summary>Where generated records go, in order: CSV files in production, a list in tests.</summary>
internal interface IRecordSink : IDisposable
{
    void Write(in RowSnapshot row);
}
