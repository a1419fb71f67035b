using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Evaluation;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Linkage.Training;

namespace GmConnect.Cli.Link;

/// <summary>Runs <c>gmc link</c>: input, engine, outputs and summary. Prints counts and keys only, never personal data.</summary>
internal static class LinkRunner
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(LinkRequest request, TextWriter output, TextWriter error)
    {
        var clock = TimeProvider.System;
        var start = clock.GetTimestamp();
        LinkageSettings settings;
        try
        {
            settings = LinkageSettings.Load(request.Settings.FullName);
        }
        catch (SettingsException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }

        var missing = request.Inputs.FirstOrDefault(f => !f.Exists);
        if (missing is not null)
        {
            error.WriteLine($"Input file not found: {missing.FullName}");
            return 2;
        }

        var readStart = clock.GetTimestamp();
        RecordTable table;
        try
        {
            // Only the columns the comparisons read are kept (an address column nobody compares is not held in memory).
            var wanted = settings.Comparisons.SelectMany(c => c.Columns).Append(settings.IdColumn).ToHashSet(StringComparer.Ordinal);
            if (settings.Clustering.SourceAges is { } ages)
            {
                wanted.Add(ages.RecordedColumn);
            }
            if (request.Truth is not null || request.TruthPattern is not null)
            {
                // The truth report reads the address to tell relatives of one household apart.
                wanted.UnionWith(AddressColumns);
            }

            table = CsvRecordReader.Read(request.Inputs, settings.IdColumn, settings.SourceColumn, wanted);
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }

        var readTime = clock.GetElapsedTime(readStart);
        Log(request, error, $"read {table.Count:N0} records from {request.Inputs.Length} file(s), {table.Sources.Count} source(s)");

        var truth = LoadTruth(request, table, error);
        var options = new LinkageOptions
        {
            Threshold = request.Threshold,
            Model = request.Model is null ? null : ModelParameters.FromJson(File.ReadAllText(request.Model.FullName)),
            Labels = request.TrainFromTruth && truth is not null ? TruePairs(truth, table, settings.LinkType) : null,
            CannotLink = request.CannotLink is null ? null : CannotLinkPairs(request.CannotLink, table, error),
            TimeProvider = clock,
        };
        if (request.TrainFromTruth && truth is null)
        {
            error.WriteLine("--train-from-truth needs --truth or --truth-pattern.");
            return 2;
        }

        LinkageResult result;
        try
        {
            result = new LinkageEngine(settings).Run(table, options, request.Quiet ? null : new ProgressPrinter(error));
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }

        if (!request.Quiet && !Console.IsErrorRedirected)
        {
            error.WriteLine();
        }

        var writeStart = clock.GetTimestamp();
        if (request.Output is not null)
        {
            WriteClusters(request.Output, result);
        }

        if (request.Pairs is not null)
        {
            WritePairs(request.Pairs, result, request.PairsMinProbability);
        }

        if (request.ModelOut is not null)
        {
            File.WriteAllText(request.ModelOut.FullName, result.Model.ToJson());
        }

        var writeTime = clock.GetElapsedTime(writeStart);

        if (request.Explain is { Length: 2 } explain)
        {
            var a = FindRecord(table, explain[0]);
            var b = FindRecord(table, explain[1]);
            if (a < 0 || b < 0)
            {
                error.WriteLine($"--explain: record '{(a < 0 ? explain[0] : explain[1])}' not found (or not unique: use source/record_id).");
                return 2;
            }

            var explanation = result.Explain(a, b);
            output.WriteLine(request.Json ? explanation.ToJson() : explanation.ToText());
        }

        var total = clock.GetElapsedTime(start);
        if (!request.Quiet || truth is not null)
        {
            WriteSummary(request, output, table, result, readTime, writeTime, total);
        }

        if (truth is not null)
        {
            var evaluation = LinkageEvaluation.Evaluate(
                truth,
                result.Clustering.ClusterOf,
                Enumerable.Range(0, table.Count).Select(table.SourceOf).ToArray(),
                settings.LinkType == LinkType.LinkOnly,
                result.Pairs(result.Threshold));
            WriteFigures(output, "links (pairs scored >= threshold)", evaluation.Links);
            WriteFigures(output, "pairs within clusters", evaluation.ClusterPairs);
            WriteFigures(output, "exact clusters", evaluation.Clusters);
            WriteTruthReport(request, output, settings, table, result, truth);
        }

        return 0;
    }

    private static void Log(LinkRequest request, TextWriter error, string message)
    {
        if (!request.Quiet)
        {
            error.WriteLine(message);
        }
    }

    private static void WriteSummary(LinkRequest request, TextWriter output, RecordTable table, LinkageResult result, TimeSpan read, TimeSpan write, TimeSpan total)
    {
        var c = result.Clustering;
        output.WriteLine(string.Create(Inv, $"records            {table.Count:N0} from {request.Inputs.Length} file(s)"));
        output.WriteLine(string.Create(Inv, $"candidate pairs    {result.CandidatePairCount:N0} (per rule: {string.Join(", ", result.CandidatePairsPerRule.Select(x => x.ToString("N0", Inv)))})"));
        if (result.SkippedBlocksPerRule.Any(x => x > 0))
        {
            output.WriteLine(string.Create(Inv, $"skipped blocks     over max_block_size (per rule: {string.Join(", ", result.SkippedBlocksPerRule.Select(x => x.ToString("N0", Inv)))})"));
        }

        output.WriteLine(string.Create(Inv, $"training           prior {result.Model.ProbabilityTwoRandomRecordsMatch:G4}; u from {result.Model.USampledPairs:N0} random pairs; EM iterations per session [{string.Join(", ", result.Model.EmIterations)}]"));
        output.WriteLine(string.Create(Inv, $"threshold          {result.Threshold}; links {c.Links:N0}; merges {c.Merges:N0}"));
        output.WriteLine(string.Create(Inv, $"refused merges     veto level {c.RefusedVeto:N0}, conflicting identifier {c.RefusedConflictingIdentifier:N0}, same source {c.RefusedSameSource:N0}, cannot-link {c.RefusedCannotLink:N0}, confident non-match inside {c.RefusedNonMatchInside:N0}, ambiguous {c.RefusedAmbiguous:N0}"));
        var sizes = c.ClusterOf.GroupBy(x => x).GroupBy(g => g.Count()).OrderBy(g => g.Key).Select(g => string.Create(Inv, $"{g.Key}:{g.Count():N0}"));
        output.WriteLine(string.Create(Inv, $"clusters           {c.ClusterCount:N0} (by size {string.Join(" ", sizes)})"));
        var steps = new StringBuilder();
        steps.Append(string.Create(Inv, $"read {read.TotalSeconds:F2}s"));
        foreach (var s in result.Steps)
        {
            steps.Append(string.Create(Inv, $", {s.Step} {s.Elapsed.TotalSeconds:F2}s"));
        }

        steps.Append(string.Create(Inv, $", write {write.TotalSeconds:F2}s"));
        output.WriteLine($"time               {steps}; total {total.TotalSeconds.ToString("F2", Inv)}s");
        output.WriteLine(string.Create(Inv, $"cpu (all threads)  {string.Join(", ", result.Steps.Select(s => string.Create(Inv, $"{s.Step} {s.Cpu.TotalSeconds:F2}s")))}"));
        using var process = Process.GetCurrentProcess();
        output.WriteLine(string.Create(Inv, $"peak memory        {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"));
    }

    private static void WriteFigures(TextWriter output, string what, AccuracyFigures f) =>
        output.WriteLine(string.Create(Inv, $"{what,-36} precision {f.Precision:F4}  recall {f.Recall:F4}  F1 {f.F1:F4}  (true {f.TruePositives:N0} / predicted {f.Predicted:N0} / actual {f.Actual:N0})"));

    private static readonly string[] AddressColumns = ["address", "address_1", "postcode"];
    private static readonly string[] FamilyNameColumns = ["family_name", "surname"];

    /// <summary>Where recall goes (missed true pairs by reason) and the wrong joins of relatives: counts only.</summary>
    private static void WriteTruthReport(LinkRequest request, TextWriter output, LinkageSettings settings, RecordTable table, LinkageResult result, string?[] truth)
    {
        var misses = result.MissedPairs(truth, settings.LinkType == LinkType.LinkOnly);
        output.Write(misses.ToText());
        var family = FamilyNameColumns.FirstOrDefault(c => table.ColumnIndex(c) >= 0);
        if (family is not null && table.ColumnIndex("date_of_birth") >= 0)
        {
            var placeholders = settings.Comparisons.Where(c => c.Columns.Contains("date_of_birth")).SelectMany(c => c.NullValues).ToHashSet(StringComparer.Ordinal);
            var relatives = RelativeJoins.Count(table, truth, result.Clustering.ClusterOf, family, "date_of_birth", AddressColumns, placeholders);
            output.WriteLine($"wrong joins        {relatives}");
        }

        if (request.TruthMisses is not null)
        {
            using var writer = new StreamWriter(request.TruthMisses.FullName, false, new UTF8Encoding(false));
            writer.Write("source_l,record_id_l,source_r,record_id_r,category,match_weight,levels\n");
            foreach (var m in misses.Pairs)
            {
                writer.Write(string.Create(Inv, $"{Csv(table.SourceOf(m.Left))},{Csv(table.RecordIdOf(m.Left))},{Csv(table.SourceOf(m.Right))},{Csv(table.RecordIdOf(m.Right))},{Csv(m.Category)},{m.Weight:F2},{Csv(m.Pattern)}\n"));
            }
        }
    }

    private static void WriteClusters(FileInfo file, LinkageResult result)
    {
        using var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(false));
        writer.Write("source,record_id,person_id\n");
        var table = result.Records;
        for (var i = 0; i < table.Count; i++)
        {
            writer.Write(Csv(table.SourceOf(i)));
            writer.Write(',');
            writer.Write(Csv(table.RecordIdOf(i)));
            writer.Write(",P");
            writer.Write(result.Clustering.ClusterOf[i].ToString("D7", Inv));
            writer.Write('\n');
        }
    }

    private static void WritePairs(FileInfo file, LinkageResult result, double minProbability)
    {
        using var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(false));
        writer.Write("source_l,record_id_l,source_r,record_id_r,match_weight,match_probability\n");
        var table = result.Records;
        foreach (var pair in result.Pairs(minProbability))
        {
            writer.Write(string.Create(Inv, $"{Csv(table.SourceOf(pair.Left))},{Csv(table.RecordIdOf(pair.Left))},{Csv(table.SourceOf(pair.Right))},{Csv(table.RecordIdOf(pair.Right))},{pair.MatchWeight:F4},{pair.MatchProbability:G6}\n"));
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static int FindRecord(RecordTable table, string key)
    {
        var found = -1;
        for (var i = 0; i < table.Count; i++)
        {
            var id = table.RecordIdOf(i);
            if (id == key || table.SourceOf(i) + "/" + id == key)
            {
                if (found >= 0 && id == key)
                {
                    return -1;
                }

                found = i;
            }
        }

        return found;
    }

    private static string?[]? LoadTruth(LinkRequest request, RecordTable table, TextWriter error)
    {
        if (request.TruthPattern is { } pattern)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return Enumerable.Range(0, table.Count).Select(i =>
            {
                var m = regex.Match(table.RecordIdOf(i));
                return m.Success ? (m.Groups.Count > 1 ? m.Groups[1].Value : m.Value) : null;
            }).ToArray();
        }

        if (request.Truth is null)
        {
            return null;
        }

        var rows = CsvRecordReader.Rows(request.Truth).ToList();
        var header = rows[0];
        int s = header.IndexOf("source"), r = header.IndexOf("record_id"), p = header.IndexOf("person_id");
        if (s < 0 || r < 0 || p < 0)
        {
            error.WriteLine("The truth file needs the columns source, record_id, person_id.");
            return null;
        }

        var map = new Dictionary<(string, string), string>();
        foreach (var row in rows.Skip(1).Where(row => row.Count == header.Count))
        {
            map[(row[s], row[r])] = row[p];
        }

        return Enumerable.Range(0, table.Count).Select(i => map.GetValueOrDefault((table.SourceOf(i), table.RecordIdOf(i)))).ToArray();
    }

    private static List<(int A, int B)> CannotLinkPairs(FileInfo file, RecordTable table, TextWriter error)
    {
        var index = new Dictionary<(string, string), int>();
        for (var i = 0; i < table.Count; i++)
        {
            index[(table.SourceOf(i), table.RecordIdOf(i))] = i;
        }

        var pairs = new List<(int, int)>();
        var unknown = 0;
        foreach (var row in CsvRecordReader.Rows(file).Skip(1).Where(r => r.Count >= 4))
        {
            if (index.TryGetValue((row[0], row[1]), out var a) && index.TryGetValue((row[2], row[3]), out var b))
            {
                pairs.Add((a, b));
            }
            else
            {
                unknown++;
            }
        }

        if (unknown > 0)
        {
            error.WriteLine(string.Create(Inv, $"--cannot-link: {unknown:N0} pair(s) name records not in the input; ignored."));
        }

        return pairs;
    }

    private static List<(int A, int B, bool Match)> TruePairs(string?[] truth, RecordTable table, LinkType linkType)
    {
        var pairs = new List<(int, int, bool)>();
        foreach (var group in Enumerable.Range(0, table.Count).Where(i => truth[i] is not null).GroupBy(i => truth[i]!))
        {
            var members = group.ToArray();
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    if (linkType != LinkType.LinkOnly || table.SourceOf(members[x]) != table.SourceOf(members[y]))
                    {
                        pairs.Add((members[x], members[y], true));
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>A bar per step on a terminal (redrawn in place), a line per 10 % otherwise.</summary>
    private sealed class ProgressPrinter(TextWriter error) : IProgress<LinkageProgress>
    {
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private readonly Lock _gate = new();
        private string _step = string.Empty;
        private int _decile = -1;

        public void Report(LinkageProgress value)
        {
            var decile = (int)(value.Fraction * 10);
            lock (_gate)
            {
                if (value.Step == _step && decile == _decile)
                {
                    return;
                }

                if (_terminal)
                {
                    if (value.Step != _step && _step.Length > 0)
                    {
                        error.WriteLine();
                    }

                    error.Write(string.Create(Inv, $"\r  {value.Step,-12} [{new string('#', decile),-10}] {decile * 10,3}%"));
                }
                else
                {
                    error.WriteLine(string.Create(Inv, $"  {value.Step} {decile * 10}%"));
                }

                _step = value.Step;
                _decile = decile;
            }
        }
    }
}
