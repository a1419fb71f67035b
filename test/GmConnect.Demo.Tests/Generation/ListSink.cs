using GmConnect.Demo.Output;
using GmConnect.Demo.Population;

namespace GmConnect.Demo.Tests.Generation;

/// <summary>Keeps every record in memory instead of writing CSV.</summary>
internal sealed class ListSink : IRecordSink
{
    public List<CapturedRecord> Records { get; } = [];

    public Dictionary<string, Person> People { get; } = [];

    public void Write(in RowSnapshot r)
    {
        var p = r.Person;
        People.TryAdd(p.PersonId, p);
        Records.Add(new CapturedRecord(
            r.Kind, r.Source, r.RecordId, r.NhsNumber, r.Upn, r.Nino, r.PncId, r.GivenName, r.MiddleNames, r.FamilyName,
            r.Sex, r.DateOfBirth, r.Postcode, r.Address, r.RecordedOn, r.Errors,
            p.PersonId, p.Age, p.Sex, p.DateOfBirth, p.GivenName, p.MiddleNames, p.FamilyName, p.NhsNumber, p.Upn, p.Nino, p.PncId));
    }

    public void Dispose()
    {
    }

    /// <summary>Runs the generator into a new list sink.</summary>
    public static (ListSink Sink, PopulationSummary Summary) Generate(PopulationOptions options, int? workers = null)
    {
        var sink = new ListSink();
        var summary = GenerationRun.Run(options, sink, [], null, TestContext.Current.CancellationToken, workers);
        return (sink, summary);
    }
}
