using System.Collections.Concurrent;
using System.Text;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>The DfE rule catalogue for a collection year, read from the embedded catalogue CSVs.</summary>
public static class RuleCatalogue
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<string, RuleInfo>> Cache = new();

    /// <summary>Years for which a catalogue is shipped.</summary>
    public static IReadOnlyList<CollectionYear> Years { get; } = [new(2023), new(2024)];

    /// <summary>The rules of <paramref name="year"/> by code. Years without a catalogue use the nearest one.</summary>
    public static IReadOnlyDictionary<string, RuleInfo> For(CollectionYear year)
    {
        var use = year.StartYear <= 2023 ? 2023 : 2024;
        return Cache.GetOrAdd(use, Load);
    }

    private static IReadOnlyDictionary<string, RuleInfo> Load(int startYear)
    {
        var name = $"Catalogue.903_{startYear}_{(startYear + 1) % 100:00}_rule_info.csv";
        using var stream = typeof(RuleCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded catalogue {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = Csv.Read(reader).Skip(1);
        var result = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Count < 4)
            {
                continue;
            }

            result[row[0]] = new RuleInfo(row[0], row[1], ParseList(row[2]), ParseList(row[3]));
        }

        return result;
    }

    // The catalogue writes lists Python-style: "['DEC', 'REC']".
    private static string[] ParseList(string text) =>
        text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Trim('\'', '"')).Where(s => s.Length > 0).ToArray();
}
