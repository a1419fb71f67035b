using GmConnect.Workbench.Benchmarks;

// A step profiler, not a BenchmarkDotNet suite: the Workbench's work is seconds, not microseconds, and the machine is
// shared, so we report wall and process CPU time per step and per rule, repeated in one process to see steady state.
//   --steps DIR [N]   import, validate-all, derived model, measures; N iterations (default 3)
//   --rules DIR       CPU time of each validation rule over every return, one thread, top 30
//   --demo DIR FIRST LAST [AUTHORITIES]   synthetic returns as `gmc ssda903 demo` writes them (without building the CLI)
//   --check DIR PREFIX  PREFIX-errors.csv and PREFIX-measures.csv as validate-all writes them (to cmp before and after)
if (args.Length >= 3 && args[0] == "--check")
{
    ResultCheck.Run(args[1], args[2]);
    return 0;
}

if (args.Length >= 4 && args[0] == "--demo")
{
    Demo.Write(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : null);
    return 0;
}

if (args.Length >= 2 && args[0] == "--steps")
{
    StepProfile.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return 0;
}

if (args.Length >= 2 && args[0] == "--rules")
{
    RuleProfile.Run(args[1]);
    return 0;
}

Console.Error.WriteLine("usage: --steps DIR [N] | --rules DIR | --demo DIR FIRST LAST [AUTHORITIES] | --check DIR PREFIX");
return 2;
