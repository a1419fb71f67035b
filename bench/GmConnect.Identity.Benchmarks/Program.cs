using BenchmarkDotNet.Running;
using GmConnect.Identity.Benchmarks;

// `--profile-comparisons FILE SETTINGS` times each comparison on random pairs of a CSV (a quick look, not a benchmark);
// anything else goes to BenchmarkDotNet.
if (args.Length == 3 && args[0] == "--profile-comparisons")
{
    ComparisonProfile.Run(args[1], args[2]);
    return;
}

if (args.Length == 3 && args[0] == "--profile-prepare")
{
    ComparisonProfile.Prepare(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
    return;
}

if (args.Length == 3 && args[0] == "--scale")
{
    ScaleRun.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
    return;
}

if (args.Length is 2 or 3 && args[0] == "--index")
{
    await IndexRun.RunAsync(args[1], args.Length == 3 ? args[2] : null);
    return;
}

if (args.Length is >= 4 and <= 6 && args[0] == "--submit")
{
    int Arg(int i, int otherwise) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : otherwise;
    await SubmitRun.RunAsync(args[1], args[2], Arg(3, 2000), Arg(4, 1), Arg(5, 0));
    return;
}

if (args.Length is 4 or 5 && args[0] == "--search")
{
    await SearchRun.RunAsync(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args.Length == 5 ? args[4] : null);
    return;
}

if (args.Length == 3 && args[0] == "--load")
{
    await LoadRun.RunAsync(args[1], args[2]);
    return;
}

if (args.Length is >= 2 and <= 5 && args[0] == "--rebuild")
{
    var rest = args.Skip(2).Where(a => a is not ("--scratch" or "--steps")).ToList();
    await RebuildRun.RunAsync(args[1], rest.Count == 1 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Contains("--scratch"), args.Contains("--steps"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ComparatorBenchmarks).Assembly).Run(args);
