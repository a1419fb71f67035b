using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Validation;

/// <summary>
/// One rule's fixture taken from the reference validator's own unit test of that rule (csc-validator-be-903,
/// <c>validator903/validators/rule_CODE.py</c>): its input rows, written as CSV, and the rows its test asserts the rule
/// flags. File format (Validation/Reference/CODE.txt), line by line:
/// <code>
/// # comment
/// year 2019/20                 the collection year (from the test's metadata; 2024/25 when it has none)
/// authority E08000003          the return's authority code (the test's metadata localAuthority), when it has one
/// table Postcodes              the postcode file the test's lookups stand for (NSPL columns: pcd,laua,oseast1m,osnrth1m)
/// table Providers              Ofsted's provider list the test's provider_info stands for (the CSV columns we read)
/// table Episodes               a table of this year's return; "table Episodes_last" for last year's return
/// CHILD,DECOM,...              its header, then one CSV line per row (blank cell = missing)
/// expect Episodes 2,6,7        rows the reference flags in that table (a table not named: none)
/// differs Episodes 2 | reason  optional: our result where we knowingly differ, and why (the README lists these)
/// </code>
/// </summary>
internal sealed class ReferenceFixture
{
    public required string Code { get; init; }

    public CollectionYear Year { get; private set; } = new(2024);

    public string? Authority { get; private set; }

    public Dictionary<string, (List<string> Header, List<string?[]> Rows)> Tables { get; } = new(StringComparer.Ordinal);

    public Dictionary<ReturnTable, int[]> Expected { get; } = [];

    public Dictionary<ReturnTable, int[]>? Differs { get; private set; }

    public string? DiffersBecause { get; private set; }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Validation", "Reference");

    public static IEnumerable<string> Codes() => Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static ReferenceFixture Load(string code)
    {
        var fixture = new ReferenceFixture { Code = code };
        string? table = null;
        foreach (var raw in File.ReadAllLines(Path.Combine(Folder, code + ".txt")))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("year ", StringComparison.Ordinal))
            {
                fixture.Year = CollectionYear.TryParse(line[5..], out var y) ? y : throw new FormatException(line);
            }
            else if (line.StartsWith("authority ", StringComparison.Ordinal))
            {
                fixture.Authority = line[10..].Trim();
            }
            else if (line.StartsWith("table ", StringComparison.Ordinal))
            {
                table = line[6..].Trim();
                fixture.Tables[table] = ([], []);
            }
            else if (line.StartsWith("expect ", StringComparison.Ordinal))
            {
                var (kind, rows) = ParseRows(line[7..]);
                fixture.Expected[kind] = rows;
                table = null;
            }
            else if (line.StartsWith("differs ", StringComparison.Ordinal))
            {
                var parts = line[8..].Split('|', 2, StringSplitOptions.TrimEntries);
                var (kind, rows) = ParseRows(parts[0]);
                fixture.Differs ??= [];
                fixture.Differs[kind] = rows;
                fixture.DiffersBecause = parts.Length > 1 ? parts[1] : throw new FormatException("differs needs a reason: " + line);
                table = null;
            }
            else if (table is not null)
            {
                var (header, rows) = fixture.Tables[table];
                var cells = Csv.Read(new StringReader(line)).First();
                if (header.Count == 0)
                {
                    header.AddRange(cells);
                }
                else
                {
                    rows.Add(cells.Select(c => c.Length == 0 ? null : c).ToArray());
                }
            }
            else
            {
                throw new FormatException($"{code}: unexpected line {line}");
            }
        }

        return fixture;
    }

    /// <summary>This year's return and, when the fixture has "_last" tables, last year's.</summary>
    public (Ssda903Return Current, Ssda903Return? Previous) Build()
    {
        var current = new Ssda903Return("REF", Year);
        Ssda903Return? previous = null;
        foreach (var (name, (header, rows)) in Tables)
        {
            if (name is "Postcodes" or "Providers")
            {
                continue;
            }

            var last = name.EndsWith("_last", StringComparison.Ordinal);
            var kind = Enum.Parse<ReturnTable>(last ? name[..^5] : name);
            var extra = header.Where(h => !TableSchema.Columns(kind).Contains(h, StringComparer.Ordinal));
            var table = new Ssda903Table(kind, extra);
            foreach (var row in rows)
            {
                table.Add(header.Select((h, i) => (h, v: i < row.Length ? row[i] : null)).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal));
            }

            if (last)
            {
                previous ??= new Ssda903Return("REF", Year.Previous);
                previous.Set(table);
            }
            else
            {
                current.Set(table);
            }
        }

        return (current, previous);
    }

    /// <summary>The postcode file and provider list the fixture gives (as CSV files are read), and its authority.</summary>
    public ValidationLookups Lookups()
    {
        PostcodeLookup? postcodes = null;
        OfstedProviders? providers = null;
        if (Tables.TryGetValue("Postcodes", out var pc))
        {
            var result = PostcodeLookup.Load(new StringReader(AsCsv(pc)), Code + " Postcodes");
            postcodes = result.Value ?? throw new FormatException(string.Join("; ", result.Errors));
        }

        if (Tables.TryGetValue("Providers", out var pr))
        {
            var result = OfstedProviders.Load(new StringReader(AsCsv(pr)), Code + " Providers");
            providers = result.Value ?? throw new FormatException(string.Join("; ", result.Errors));
        }

        return new ValidationLookups(postcodes, providers, Authority);
    }

    private static string AsCsv((List<string> Header, List<string?[]> Rows) table) =>
        string.Join('\n', [string.Join(',', table.Header.Select(Csv.Escape)), .. table.Rows.Select(r => string.Join(',', r.Select(Csv.Escape)))]);

    private static (ReturnTable, int[]) ParseRows(string text)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var rows = parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray() : [];
        return (Enum.Parse<ReturnTable>(parts[0]), rows);
    }
}
