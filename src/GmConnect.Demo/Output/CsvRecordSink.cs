using System.Text;
using GmConnect.Demo.Population;
using GmConnect.Demo.Records;

namespace GmConnect.Demo.Output;

/// <summary>
/// Streams records to one <c>records-&lt;kind&gt;.csv</c> per source kind, in the person-records
/// CSV format (version 1), and every record's true person to <c>truth.csv</c>.
/// </summary>
/// <remarks>
/// Real extracts come sorted by the source's own key, not grouped by family. Written in
/// generation order, a household's members would sit on adjacent rows of every file, a clue no
/// real extract gives. So rows first go to buckets by record id (a temporary folder), and
/// <see cref="Complete"/> sorts each small bucket in memory and appends it: every file ends up
/// sorted by record id, and memory stays bounded by one bucket.
/// </remarks>
internal sealed class CsvRecordSink : IRecordSink
{
    public const string TruthFile = "truth.csv";

    private const int Buckets = 32;
    private const string Crlf = "\r\n";

    private static readonly string[] Columns =
    [
        "source", "record_id", "nhs_number", "upn", "nino", "pnc_id", "given_name", "middle_names", "family_name",
        "sex", "date_of_birth", "postcode", "address", "phone", "email", "recorded_on",
    ];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _directory;
    private readonly string _scratch;
    private readonly CsvFieldWriter[][] _buckets;

    public CsvRecordSink(string directory)
    {
        _directory = directory;
        _scratch = Path.Combine(directory, ".gmc-demo-buckets");
        Directory.CreateDirectory(directory);
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }

        Directory.CreateDirectory(_scratch);
        _buckets = [.. SourceKinds.All.Select(k => Enumerable.Range(0, Buckets)
            .Select(b => new CsvFieldWriter(BucketPath(k, b), bufferSize: 1 << 14))
            .ToArray())];
    }

    public static IReadOnlyList<string> FileNames => [.. SourceKinds.All.Select(SourceKinds.FileName), TruthFile];

    public void Write(SourceRecord record, Person person)
    {
        // Bucket line: person_id, then the CSV row. person_id, source and record_id never need quoting.
        var w = _buckets[(int)record.Kind][BucketOf(record.RecordId)];
        w.Field(person.PersonId);
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
    }

    /// <summary>Sorts the buckets into the final files and writes the truth file.</summary>
    public void Complete()
    {
        foreach (var bucket in _buckets.SelectMany(b => b))
        {
            bucket.Dispose();
        }

        using var truth = Open(Path.Combine(_directory, TruthFile));
        truth.Write("source,record_id,person_id" + Crlf);
        foreach (var kind in SourceKinds.All)
        {
            using var file = Open(Path.Combine(_directory, SourceKinds.FileName(kind)));
            file.Write(string.Join(',', Columns) + Crlf);
            for (var b = 0; b < Buckets; b++)
            {
                var path = BucketPath(kind, b);
                var lines = File.ReadAllText(path, Utf8).Split(Crlf, StringSplitOptions.RemoveEmptyEntries);
                var keys = new string[lines.Length];
                for (var i = 0; i < lines.Length; i++)
                {
                    keys[i] = RecordId(lines[i]);
                }

                Array.Sort(keys, lines, StringComparer.Ordinal);
                foreach (var line in lines)
                {
                    var firstComma = line.IndexOf(',', StringComparison.Ordinal);
                    var row = line.AsSpan(firstComma + 1);
                    file.Write(row);
                    file.Write(Crlf);

                    var afterRecordId = row.IndexOf(',') + 1;
                    afterRecordId += row[afterRecordId..].IndexOf(',');
                    truth.Write(row[..afterRecordId]);
                    truth.Write(',');
                    truth.Write(line.AsSpan(0, firstComma));
                    truth.Write(Crlf);
                }

                File.Delete(path);
            }
        }

    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.SelectMany(b => b))
        {
            bucket.Dispose();
        }

        // Completed or abandoned (cancelled, failed), the buckets are of no further use.
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    /// <summary>Record ids are a letter prefix and nine scattered digits; their leading digits pick the bucket.</summary>
    private static int BucketOf(string recordId)
    {
        var value = 0L;
        foreach (var c in recordId)
        {
            if (c is >= '0' and <= '9')
            {
                value = (value * 10) + (c - '0');
            }
        }

        return (int)(value * Buckets / 1_000_000_000L);
    }

    private static string RecordId(string bucketLine)
    {
        var a = bucketLine.IndexOf(',', StringComparison.Ordinal);
        var b = bucketLine.IndexOf(',', a + 1);
        var c = bucketLine.IndexOf(',', b + 1);
        return bucketLine[(b + 1)..c];
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Utf8, 1 << 16);

    private string BucketPath(SourceKind kind, int bucket) => Path.Combine(_scratch, $"{SourceKinds.Name(kind)}-{bucket:D2}.part");
}
