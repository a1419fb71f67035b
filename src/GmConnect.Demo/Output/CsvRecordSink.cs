using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
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
/// Formatting and writing run on a second thread, fed batches in order through a bounded queue,
/// so generation and output overlap on two cores while the files stay deterministic.
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
    private const int BatchSize = 4096;

    private readonly CsvFieldWriter[][] _buckets;
    private readonly BlockingCollection<RowSnapshot[]> _full = new(boundedCapacity: 8);
    private readonly ConcurrentBag<RowSnapshot[]> _free = [];
    private readonly Task _writer;
    private RowSnapshot[] _batch = new RowSnapshot[BatchSize];
    private int _count;
    private bool _drained;
    private volatile ExceptionDispatchInfo? _failure;

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
        _writer = Task.Factory.StartNew(WriteBatches, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public static IReadOnlyList<string> FileNames => [.. SourceKinds.All.Select(SourceKinds.FileName), TruthFile];

    public void Write(in RowSnapshot row)
    {
        _batch[_count++] = row;
        if (_count == BatchSize)
        {
            _full.Add(_batch);
            _batch = _free.TryTake(out var reused) ? reused : new RowSnapshot[BatchSize];
            _count = 0;
        }
    }

    private void WriteBatches()
    {
        foreach (var batch in _full.GetConsumingEnumerable())
        {
            // After a failure keep taking batches, so that the generating thread never blocks on a full queue.
            if (_failure is null)
            {
                try
                {
                    var n = batch.Length;
                    if (batch[^1].Person is null)
                    {
                        // The last, partly filled batch: its tail is unused.
                        n = Array.FindIndex(batch, r => r.Person is null);
                    }

                    for (var i = 0; i < n; i++)
                    {
                        WriteRow(in batch[i]);
                    }
                }
                catch (IOException e)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
                catch (UnauthorizedAccessException e)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }

            Array.Clear(batch);
            _free.Add(batch);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRow(in RowSnapshot row)
    {
        // Bucket line: person_id, then the CSV row. person_id, source and record_id never need quoting.
        var w = _buckets[(int)row.Kind][BucketOf(row.RecordId)];
        w.Field(row.Person.PersonId);
        w.Field(row.Source);
        w.Field(row.RecordId);
        w.Field(row.NhsNumber);
        w.Field(row.Upn);
        w.Field(row.Nino);
        w.Field(row.PncId);
        w.Field(row.GivenName);
        w.Field(row.MiddleNames);
        w.Field(row.FamilyName);
        w.Field(row.Sex);
        w.Field(row.DateOfBirth);
        w.Field(row.Postcode);
        w.Field(row.Address);
        w.Field(row.Phone);
        w.Field(row.Email);
        w.Field(row.RecordedOn);
        w.EndRow();
    }

    /// <summary>Hands over the last batch and waits until the writer thread has written everything.</summary>
    private void Drain()
    {
        if (_drained)
        {
            return;
        }

        _drained = true;
        if (_count > 0)
        {
            Array.Clear(_batch, _count, BatchSize - _count);
            _full.Add(_batch);
        }

        _full.CompleteAdding();
        _writer.GetAwaiter().GetResult();
        foreach (var bucket in _buckets.SelectMany(b => b))
        {
            bucket.Dispose();
        }

        _failure?.Throw();
    }

    /// <summary>Sorts the buckets into the final files and writes the truth file.</summary>
    /// <remarks>
    /// Works on the bucket bytes directly (no decoding into strings): lines are found by their
    /// CRLF, keyed by the digits of their record id, sorted, and copied out as byte slices.
    /// No generated field holds a line break, so CRLF always ends a row. Source kinds are
    /// independent, so they are sorted in parallel, each with its own part of the truth file;
    /// the parts are then joined in kind order, so the output does not depend on scheduling.
    /// </remarks>
    public void Complete()
    {
        Drain();

        // Largest first, so the long gp sort starts at once.
        var kinds = SourceKinds.All.OrderBy(k => k == SourceKind.Gp ? 0 : 1).ToArray();
        Parallel.ForEach(kinds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, SortKind);

        using var truth = Open(Path.Combine(_directory, TruthFile));
        truth.Write("source,record_id,person_id\r\n"u8);
        foreach (var kind in SourceKinds.All)
        {
            var part = TruthPartPath(kind);
            using (var input = File.OpenRead(part))
            {
                input.CopyTo(truth);
            }

            File.Delete(part);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortKind(SourceKind kind)
    {
        using var truth = Open(TruthPartPath(kind));
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

    public void Dispose()
    {
        try
        {
            Drain();
        }
        finally
        {
            _full.Dispose();

            // Completed or abandoned (cancelled, failed), the buckets are of no further use.
            if (Directory.Exists(_scratch))
            {
                Directory.Delete(_scratch, recursive: true);
            }
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

    private string TruthPartPath(SourceKind kind) => Path.Combine(_scratch, $"truth-{SourceKinds.Name(kind)}.part");

    private string BucketPath(SourceKind kind, int bucket) => Path.Combine(_scratch, $"{SourceKinds.Name(kind)}-{bucket:D2}.part");
}
