using GmConnect.Demo.Population;
using GmConnect.Demo.Records;

namespace GmConnect.Demo.Output;

/// <summary>
/// Streams records to one <c>records-&lt;kind&gt;.csv</c> per source kind, in the person-records
/// CSV format (version 1), and every record's true person to <c>truth.csv</c>.
/// </summary>
internal sealed class CsvRecordSink : IRecordSink
{
    public const string TruthFile = "truth.csv";

    private static readonly string[] Columns =
    [
        "source", "record_id", "nhs_number", "upn", "nino", "pnc_id", "given_name", "middle_names", "family_name",
        "sex", "date_of_birth", "postcode", "address", "phone", "email", "recorded_on",
    ];

    private readonly CsvFieldWriter[] _files;
    private readonly CsvFieldWriter _truth;

    public CsvRecordSink(string directory)
    {
        Directory.CreateDirectory(directory);
        _files = [.. SourceKinds.All.Select(k => Open(Path.Combine(directory, SourceKinds.FileName(k)), Columns))];
        _truth = Open(Path.Combine(directory, TruthFile), ["source", "record_id", "person_id"]);
    }

    public static IReadOnlyList<string> FileNames => [.. SourceKinds.All.Select(SourceKinds.FileName), TruthFile];

    public void Write(SourceRecord record, Person person)
    {
        var w = _files[(int)record.Kind];
        w.Field(record.Source);
        w.Field(record.RecordId);
        w.Field(record.NhsNumber);
        w.Field(record.Upn);
        w.Field(record.Nino);
        w.Field(record.PncId);
        w.Field(record.GivenName);
        w.Field(record.MiddleNames);
        w.Field(record.FamilyName);
        w.Field(record.Sex);
        w.Field(record.DateOfBirth);
        w.Field(record.Postcode);
        w.Field(record.Address);
        w.Field(record.Phone);
        w.Field(record.Email);
        w.Field(record.RecordedOn);
        w.EndRow();

        _truth.Field(record.Source);
        _truth.Field(record.RecordId);
        _truth.Field(person.PersonId);
        _truth.EndRow();
    }

    public void Dispose()
    {
        foreach (var f in _files)
        {
            f.Dispose();
        }

        _truth.Dispose();
    }

    private static CsvFieldWriter Open(string path, string[] header)
    {
        var writer = new CsvFieldWriter(path);
        foreach (var column in header)
        {
            writer.Field(column);
        }

        writer.EndRow();
        return writer;
    }
}
