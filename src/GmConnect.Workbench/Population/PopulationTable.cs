using System.Globalization;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Population;

/// <summary>
/// ONS mid-year estimates of children aged 0–17 (shipped for GM, GM as a whole and England). An authority is
/// looked up by name, DfE code (350…) or ONS code (E08…); a year without an estimate uses the nearest earlier one
/// (else the nearest later one).
/// </summary>
public sealed class PopulationTable
{
    private readonly List<(int Year, string[] Keys, long Children)> _rows;

    private PopulationTable(List<(int, string[], long)> rows) => _rows = rows;

    /// <summary>The shipped ONS table.</summary>
    public static PopulationTable Shipped { get; } = LoadShipped();

    /// <summary>Children aged 0–17 in the authority at mid-year within the collection year, or null if unknown.</summary>
    public long? Children(string authority, CollectionYear year)
    {
        var candidates = _rows.Where(r => r.Keys.Contains(authority.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var earlier = candidates.Where(r => r.Year <= year.StartYear).OrderByDescending(r => r.Year).FirstOrDefault();
        var chosen = earlier.Keys is not null ? earlier : candidates.OrderBy(r => r.Year).First();
        return chosen.Children;
    }

    private static PopulationTable LoadShipped()
    {
        using var stream = typeof(PopulationTable).Assembly.GetManifestResourceStream("Population.gm_mye_age_0_17_totals.csv")
            ?? throw new InvalidOperationException("Embedded population table is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<(int, string[], long)>();
        foreach (var r in Csv.Read(reader).Skip(1))
        {
            // year,area_code,area_name,dfe_la_code,sex,population_age_0_17,population_all_ages
            if (r.Count < 6 || r[4] != "Persons")
            {
                continue;
            }

            var keys = new[] { r[1], r[2], r[3] }.Where(k => k.Length > 0).ToArray();
            rows.Add((int.Parse(r[0], CultureInfo.InvariantCulture), keys, long.Parse(r[5], CultureInfo.InvariantCulture)));
        }

        return new PopulationTable(rows);
    }
}
