using GmConnect.Workbench.Model;
using GmConnect.Workbench.Synthetic;

namespace GmConnect.Workbench.Benchmarks;

/// <summary>Writes synthetic returns the way <c>gmc ssda903 demo</c> does (same options, same folder layout).</summary>
internal static class Demo
{
    public static void Write(string root, int firstEndYear, int lastEndYear, int? authorities)
    {
        var options = new SyntheticOptions { FirstEndYear = firstEndYear, LastEndYear = lastEndYear };
        if (authorities is { } n)
        {
            options = new SyntheticOptions { FirstEndYear = firstEndYear, LastEndYear = lastEndYear, Authorities = SyntheticOptions.National(n) };
        }

        var returns = SyntheticReturns.Generate(options);
        foreach (var r in returns)
        {
            ReturnCsvWriter.Write(r, Path.Combine(root, r.Authority, $"{r.Year.StartYear}-{r.Year.EndYear % 100:00}"));
        }

        Console.WriteLine($"{returns.Count} returns ({returns.Sum(r => r[ReturnTable.Episodes].Count)} episode rows) written to {root}.");
    }
}
