using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using GmConnect.Workbench.Model;

namespace GmConnect.Integration.Ssda903;

/// <summary>
/// Reads SSDA903 returns as analysts hold them: one CSV per table in the DfE layout (the table is known by
/// its columns, not its file name) or one XML file; any encoding with or without a BOM; Excel-style
/// <c>123.0</c> IDs; DD/MM/YYYY or ISO dates; blank files; the collection year in the file or folder name;
/// pooled pipeline files with <c>LA</c> and <c>YEAR</c> columns. Everything unusable is reported, never dropped silently.
/// </summary>
public static partial class Ssda903Importer
{
    [GeneratedRegex(@"^-?\d+\.0+$")]
    private static partial Regex ExcelInteger();

    [GeneratedRegex(@"(?<!\d)(20\d\d)[-_/ ]?(\d\d)(?!\d)|(?<!\d)(20\d\d)(?!\d)|(?<!\d)(\d\d)(\d\d)(?!\d)")]
    private static partial Regex YearInName();

    /// <summary>
    /// Reads every 903 file directly inside <paramref name="directory"/> as one authority's return for one year.
    /// The year comes from <paramref name="year"/>, else from the file or folder names.
    /// </summary>
    public static Ssda903ImportResult ReadReturn(string directory, string? authority = null, CollectionYear? year = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var messages = new List<ImportMessage>();
        var dir = new DirectoryInfo(directory);
        if (!dir.Exists)
        {
            messages.Add(new ImportMessage(directory, null, "Folder not found."));
            return new Ssda903ImportResult([], messages);
        }

        var files = dir.GetFiles().Where(IsCandidate).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var found = year ?? YearFromName(dir.Name) ?? files.Select(f => YearFromName(f.Name)).FirstOrDefault(y => y is not null);
        if (found is null)
        {
            messages.Add(new ImportMessage(directory, null, "No collection year given and none found in the file or folder names; pass --year such as 2024/25."));
            return new Ssda903ImportResult([], messages);
        }

        var result = new Ssda903Return(authority ?? dir.Name, found.Value);
        var pool = new CellPool();
        foreach (var file in files)
        {
            foreach (var table in ReadFile(file, messages, pool))
            {
                Merge(result, table, file.Name, messages);
            }
        }

        if (result.Supplied.Count == 0)
        {
            messages.Add(new ImportMessage(directory, null, "No 903 table was recognised in this folder."));
        }

        return new Ssda903ImportResult([result], messages);
    }

    /// <summary>
    /// Reads many returns under <paramref name="root"/>: each sub-folder (any depth) holding 903 files is a return;
    /// its authority is the first folder below the root and its year comes from the folder or file names. Pooled
    /// files with <c>LA</c> and <c>YEAR</c> columns are split into one return per authority and year
    /// (<c>YEAR</c> is the calendar year in which the collection ends).
    /// </summary>
    public static Ssda903ImportResult ReadTree(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var messages = new List<ImportMessage>();
        var rootDir = new DirectoryInfo(root);
        if (!rootDir.Exists)
        {
            messages.Add(new ImportMessage(root, null, "Folder not found."));
            return new Ssda903ImportResult([], messages);
        }

        var returns = new Dictionary<(string, CollectionYear), Ssda903Return>();
        var files = rootDir.EnumerateFiles("*", SearchOption.AllDirectories).Where(IsCandidate).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
        var authorities = files.Select(file => AuthorityOf(rootDir, file)).ToArray();
        // Files are decoded and parsed in parallel (each with its own messages), then merged in file order, so the
        // returns and the messages are the same as reading one file after another. One authority's files are parsed
        // one after another on one thread sharing one cell pool, so that a child's ID, a date or a code is one string
        // across the authority's tables and years rather than one per file.
        var parsed = new (IReadOnlyList<Ssda903Table> Tables, List<ImportMessage> Messages)[files.Count];
        var groups = Enumerable.Range(0, files.Count).GroupBy(f => authorities[f], StringComparer.Ordinal)
            .Select(g => g.ToArray()).OrderByDescending(g => g.Sum(f => files[f].Length)).ToArray();
        Parallel.For(0, groups.Length, g =>
        {
            var pool = new CellPool();
            foreach (var f in groups[g])
            {
                var own = new List<ImportMessage>();
                parsed[f] = (ReadFile(files[f], own, pool), own);
            }
        });
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            var relative = Path.GetRelativePath(rootDir.FullName, file.FullName).Split(Path.DirectorySeparatorChar);
            var authority = authorities[f];
            var year = relative.Reverse().Select(YearFromName).FirstOrDefault(y => y is not null);
            messages.AddRange(parsed[f].Messages);
            foreach (var table in parsed[f].Tables)
            {
                if (table.HasColumn("LA") || table.HasColumn("YEAR"))
                {
                    foreach (var ((la, y), part) in Split(table, authority, year, file.Name, messages))
                    {
                        Merge(GetReturn(returns, la, y), part, file.Name, messages);
                    }

                    continue;
                }

                if (year is null)
                {
                    messages.Add(new ImportMessage(file.FullName, null, "No collection year in the file or folder names (e.g. 2024-25 or 2425); file skipped."));
                    continue;
                }

                Merge(GetReturn(returns, authority, year.Value), table, file.Name, messages);
            }
        }

        var ordered = returns.Values.OrderBy(r => r.Authority, StringComparer.Ordinal).ThenBy(r => r.Year).ToList();
        return new Ssda903ImportResult(ordered, messages);
    }

    /// <summary>Finds a collection year in a file or folder name: 2024-25, 2024_25, 202425, 2425, or the end year 2025.</summary>
    public static CollectionYear? YearFromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (Match m in YearInName().Matches(name))
        {
            string text = m.Groups[1].Success ? m.Groups[1].Value + m.Groups[2].Value
                : m.Groups[3].Success ? m.Groups[3].Value
                : m.Groups[4].Value + m.Groups[5].Value;
            if (m.Groups[4].Success && int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture) != (int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) + 1) % 100)
            {
                continue;
            }

            if (CollectionYear.TryParse(text, out var y))
            {
                return y;
            }
        }

        return null;
    }

    // The authority of a file under the root: the first folder below it (the root's own name for a file directly in it).
    private static string AuthorityOf(DirectoryInfo root, FileInfo file)
    {
        var relative = Path.GetRelativePath(root.FullName, file.FullName).Split(Path.DirectorySeparatorChar);
        return relative.Length > 1 ? relative[0] : root.Name;
    }

    /// <summary>Reads one CSV or XML file into tables (an XML file yields every table).</summary>
    public static IReadOnlyList<Ssda903Table> ReadFile(FileInfo file, ICollection<ImportMessage> messages) =>
        ReadFile(file, messages, new CellPool());

    private static IReadOnlyList<Ssda903Table> ReadFile(FileInfo file, ICollection<ImportMessage> messages, CellPool pool)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(messages);
        // The bytes and the decoded text live in pooled buffers for the length of the read: the cells keep their own
        // (pooled) strings, so nothing refers to the buffers afterwards.
        char[] chars;
        int length;
        using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))
        {
            var size = checked((int)stream.Length);
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, size));
            try
            {
                stream.ReadExactly(bytes, 0, size);
                chars = TextDecoding.DecodePooled(bytes.AsSpan(0, size), out length, out _);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        try
        {
            var text = chars.AsMemory(0, length);
            if (text.Span.IsWhiteSpace())
            {
                messages.Add(new ImportMessage(file.Name, null, "File is empty; skipped."));
                return [];
            }

            return file.Extension.Equals(".xml", StringComparison.OrdinalIgnoreCase)
                ? Ssda903XmlReader.Read(text.ToString(), file.Name, messages)
                : ReadCsv(text, file.Name, messages, pool);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Reads CSV text into the table its columns identify.</summary>
    public static IReadOnlyList<Ssda903Table> ReadCsv(string text, string fileName, ICollection<ImportMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadCsv(text.AsMemory(), fileName, messages, new CellPool());
    }

    private static IReadOnlyList<Ssda903Table> ReadCsv(ReadOnlyMemory<char> text, string fileName, ICollection<ImportMessage> messages, CellPool pool)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // Cells are sliced from the text and pooled per column (CsvRecordReader, CellPool): no string per cell.
        var bom = 0;
        while (bom < text.Length && text.Span[bom] == '\uFEFF')
        {
            bom++;
        }

        var records = new CsvRecordReader(text[bom..]);
        if (!records.MoveNext())
        {
            messages.Add(new ImportMessage(fileName, null, "File is empty; skipped."));
            return [];
        }

        var headers = new List<string>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            headers.Add(records[i].ToString().Trim().Trim('\uFEFF').ToUpperInvariant());
        }

        var kind = TableSchema.Identify(headers);
        if (kind is null)
        {
            var known = headers.Count == 1 && headers[0].Length == 0 ? "no header row" : "columns " + string.Join(", ", headers.Take(8));
            messages.Add(new ImportMessage(fileName, 1, $"Not a 903 table ({known}); a 903 CSV needs all the DfE columns of one table. Skipped."));
            return [];
        }

        var extra = headers.Where(h => h is "LA" or "YEAR").ToList();
        var table = new Ssda903Table(kind.Value, extra);
        var line = 1;
        var target = headers.Select(h => table.ColumnIndex(h)).ToArray();
        var childColumn = headers.IndexOf("CHILD");
        // At most one row per remaining line: the columns are sized once instead of doubling as rows arrive.
        table.EnsureCapacity(text.Span[bom..].Count('\n') + 1);
        var row = new string?[table.Columns.Count];
        while (records.MoveNext())
        {
            line++;
            var count = records.Count;
            if (AllBlank(records, 0))
            {
                continue;
            }

            if (count > headers.Count && !AllBlank(records, headers.Count))
            {
                messages.Add(new ImportMessage(fileName, line, $"Row has {count} values but the header has {headers.Count}; extra values ignored."));
            }

            Array.Clear(row);
            for (var i = 0; i < Math.Min(headers.Count, count); i++)
            {
                if (target[i] >= 0)
                {
                    row[target[i]] = pool.Clean(records[i]);
                }
            }

            if (childColumn < 0 || childColumn >= count || records[childColumn].IsWhiteSpace())
            {
                messages.Add(new ImportMessage(fileName, line, "Row has no CHILD identifier; kept, but it cannot be linked to a child."));
            }

            table.AddCleanRow(row);
        }

        return [table];
    }

    private static bool AllBlank(CsvRecordReader record, int from)
    {
        for (var i = from; i < record.Count; i++)
        {
            if (!record[i].IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Turns Excel's <c>123.0</c> back into <c>123</c>; everything else is left as written.</summary>
    internal static string? CleanValue(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var v = value.Trim();
        return v.Contains('.', StringComparison.Ordinal) && ExcelInteger().IsMatch(v) ? v[..v.IndexOf('.', StringComparison.Ordinal)] : v;
    }

    private static bool IsCandidate(FileInfo f) =>
        f.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || f.Extension.Equals(".xml", StringComparison.OrdinalIgnoreCase);

    private static Ssda903Return GetReturn(Dictionary<(string, CollectionYear), Ssda903Return> returns, string authority, CollectionYear year)
    {
        if (!returns.TryGetValue((authority, year), out var r))
        {
            returns[(authority, year)] = r = new Ssda903Return(authority, year);
        }

        return r;
    }

    private static IEnumerable<((string, CollectionYear), Ssda903Table)> Split(Ssda903Table table, string authority, CollectionYear? year, string file, List<ImportMessage> messages)
    {
        var parts = new Dictionary<(string, CollectionYear), Ssda903Table>();
        foreach (var r in table.Rows)
        {
            var la = table.Get(r, "LA") ?? authority;
            CollectionYear? y = table.Get(r, "YEAR") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                ? new CollectionYear(end - 1)
                : year;
            if (y is null)
            {
                messages.Add(new ImportMessage(file, r + 2, "No YEAR on this row and none in the file name; row skipped."));
                continue;
            }

            if (!parts.TryGetValue((la, y.Value), out var part))
            {
                parts[(la, y.Value)] = part = new Ssda903Table(table.Kind);
            }

            part.Add(table.Columns.ToDictionary(c => c, c => table.Get(r, c), StringComparer.Ordinal));
        }

        return parts.Select(kv => (kv.Key, kv.Value));
    }

    private static void Merge(Ssda903Return target, Ssda903Table table, string file, List<ImportMessage> messages)
    {
        if (!target.Supplied.Contains(table.Kind))
        {
            target.Set(table);
            return;
        }

        // Two files for one table (e.g. an XML and a CSV): the rows are appended, and the analyst is told.
        messages.Add(new ImportMessage(file, null, $"A second {table.Kind} table for {target.Authority} {target.Year}; its rows were appended."));
        var existing = target[table.Kind];
        foreach (var r in table.Rows)
        {
            existing.Add(table.Columns.ToDictionary(c => c, c => table.Get(r, c), StringComparer.Ordinal));
        }
    }
}
