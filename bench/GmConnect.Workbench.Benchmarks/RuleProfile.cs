using System.Diagnostics;
using System.Globalization;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Benchmarks;

/// <summary>Time spent in each rule's check over every return (single thread, second pass so the JIT has settled).</summary>
internal static class RuleProfile
{
    public static void Run(string dir)
    {
        var returns = Ssda903Importer.ReadTree(dir).Returns;
        var byKey = returns.ToDictionary(r => (r.Authority, r.Year));
        var perRule = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        var contexts = TimeSpan.Zero;
        for (var pass = 0; pass < 2; pass++)
        {
            perRule.Clear();
            bytes.Clear();
            contexts = TimeSpan.Zero;
            foreach (var ret in returns)
            {
                var clock = Stopwatch.StartNew();
                var ctx = new ValidationContext(ret, byKey.GetValueOrDefault((ret.Authority, ret.Year.Previous)));
                contexts += clock.Elapsed;
                foreach (var rule in Ssda903Validator.Rules)
                {
                    // The rules that need the postcode file or Ofsted's lists are not run without them, as in Validate.
                    if (!rule.AppliesTo(ret.Year) || rule.Needs != RuleNeeds.None)
                    {
                        continue;
                    }

                    var before = GC.GetAllocatedBytesForCurrentThread();
                    clock.Restart();
                    var n = 0;
                    foreach (var _ in rule.Check(ctx))
                    {
                        n++;
                    }

                    perRule[rule.Code] = perRule.GetValueOrDefault(rule.Code) + clock.Elapsed;
                    bytes[rule.Code] = bytes.GetValueOrDefault(rule.Code) + GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated by rules {bytes.Values.Sum() / 1048576.0:0} MB; most:"));
        foreach (var (code, b) in bytes.OrderByDescending(kv => kv.Value).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{code,-8} {b / 1048576.0,8:0.0} MB"));
        }

        var total = perRule.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"contexts {contexts.TotalSeconds:0.000} s, rules {total.TotalSeconds:0.000} s over {perRule.Count} rules"));
        foreach (var (code, time) in perRule.OrderByDescending(kv => kv.Value).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{code,-8} {time.TotalMilliseconds,8:0.0} ms {bytes[code] / 1048576.0,8:0.0} MB"));
        }
    }
}
