using System.Runtime.CompilerServices;
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
            .Select(b => new CsvFieldWriter(BucketPath(k, b), bufferSize: 1 << 15))
            .ToArray())];
    }

    public static IReadOnlyList<string> FileNames => [.. SourceKinds.All.Select(SourceKinds.FileName), TruthFile];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    /// <remarks>
    /// Works on the bucket bytes directly (no decoding into strings): lines are found by their
    /// CRLF, keyed by the digits of their record id, sorted, and copied out as byte slices.
    /// No generated field holds a line break, so CRLF always ends a row.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Complete()
    {
        foreach (var bucket in _buckets.SelectMany(b => b))
        {
            bucket.Dispose();
        }

        using var truth = Open(Path.Combine(_directory, TruthFile));
        truth.Write("source,record_id,person_id\r\n"u8);
        foreach (var kind in SourceKinds.All)
        {
            using var file = Open(Path.Combine(_directory, SourceKinds.FileName(kind)));
            file.Write(Utf8.GetBytes(string.Join(',', Columns) + Crlf));
            for (var b = 0; b < Buckets; b++)
            {
                var path = BucketPath(kind, b);
                var bytes = File.ReadAllBytes(path);
                var (starts, keys) = IndexLines(bytes);
                Array.Sort(keys, starts);
                foreach (var start in starts)
                {
                    var line = bytes.AsSpan(start);
                    line = line[..line.IndexOf("\r\n"u8)];
                    var firstComma = line.IndexOf((byte)',');
                    var row = line[(firstComma + 1)..];
                    file.Write(row);
                    file.Write("\r\n"u8);

                    var sourceEnd = row.IndexOf((byte)',');
                    var idEnd = sourceEnd + 1 + row[(sourceEnd + 1)..].IndexOf((byte)',');
                    truth.Write(row[..(idEnd + 1)]);
                    truth.Write(line[..firstComma]);
                    truth.Write("\r\n"u8);
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

    /// <summary>Start offsets of the bucket's lines and, for each, the number formed by its record id's digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Starts, long[] Keys) IndexLines(byte[] bytes)
    {
        var count = bytes.AsSpan().Count((byte)'\n');
        var starts = new int[count];
        var keys = new long[count];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            starts[i] = position;
            var commas = 0;
            var key = 0L;
            while (bytes[position] != (byte)'\n')
            {
                var c = bytes[position++];
                if (c == (byte)',')
                {
                    commas++;
                }
                else if (commas == 2 && c is >= (byte)'0' and <= (byte)'9')
                {
                    key = (key * 10) + (c - '0');
                }
            }

            keys[i] = key;
            position++;
        }

        return (starts, keys);
    }

    private static FileStream Open(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

    private string BucketPath(SourceKind kind, int bucket) => Path.Combine(_scratch, $"{SourceKinds.Name(kind)}-{bucket:D2}.part");
}
