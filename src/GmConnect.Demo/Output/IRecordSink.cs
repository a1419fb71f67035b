using GmConnect.Demo.Population;
using GmConnect.Demo.Records;

namespace GmConnect.Demo.Output;

/// <summary>Where generated records go: CSV files in production, a list in tests.</summary>
internal interface IRecordSink : IDisposable
{
    void Write(SourceRecord record, Person person);
}
