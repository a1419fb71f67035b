namespace GmConnect.Cli.Tests;

/// <summary><c>gmc link --truth</c> from the user's side: the truth report says where recall goes, keys and counts only.</summary>
public sealed class LinkCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gmc-cli-link-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Link_WithTruth_PrintsMissedPairsByReasonAndRelativesAndWritesTheMissedPairs()
    {
        var pop = Path.Combine(_folder.FullName, "pop");
        var (generated, _, _) = await CliRunner.RunAsync("demo", "population", "--people", "400", "--seed", "5", "--out", pop);
        Assert.Equal(0, generated);
        var misses = Path.Combine(_folder.FullName, "misses.csv");
        string[] inputs = [.. Directory.GetFiles(pop, "records-*.csv").Order(StringComparer.Ordinal).SelectMany(f => new[] { "--input", f })];

        var (exit, output, _) = await CliRunner.RunAsync(
            ["link", "--settings", Settings(), .. inputs, "--truth", Path.Combine(pop, "truth.csv"), "--truth-misses", misses, "--quiet"]);

        Assert.Equal(0, exit);
        var missed = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"missed true pairs\s+([\d,]+) of").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("never a candidate; scored directly: a link", output, StringComparison.Ordinal);
        Assert.Contains("link refused: ambiguous record", output, StringComparison.Ordinal);
        Assert.Matches(@"wrong joins\s+[\d,]+ clusters hold more than one person; twin-like \d+, father-and-son-like \d+", output);
        var lines = File.ReadAllLines(misses);
        Assert.Equal("source_l,record_id_l,source_r,record_id_r,category,match_weight,levels", lines[0]);
        Assert.Equal(missed, lines.Length - 1);
        // Keys and counts only: no family name from the input appears in the report or the file.
        var names = File.ReadLines(Path.Combine(pop, "records-gp.csv")).Skip(1).Take(50)
            .Select(l => l.Split(',')).Select(f => f.Length > 8 ? f[8] : "").Where(n => n.Length > 3).ToList();
        Assert.NotEmpty(names);
        var everything = output + string.Join('\n', lines);
        Assert.All(names, n => Assert.DoesNotContain(n, everything, StringComparison.Ordinal));
    }

    private static string Settings()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "configs", "linkage", "uk-person.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("configs/linkage/uk-person.json not found above the test's folder.");
    }
}
