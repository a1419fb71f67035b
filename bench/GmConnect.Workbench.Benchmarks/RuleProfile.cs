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
        var contexts = TimeSpan.Zero;
        for (var pass = 0; pass < 2; pass++)
        {
            perRule.Clear();
            contexts = TimeSpan.Zero;
            foreach (var ret in returns)
            {
                var clock = Stopwatch.StartNew();
                var ctx = new ValidationContext(ret, byKey.GetValueOrDefault((ret.Authority, ret.Year.Previous)));
                contexts += clock.Elapsed;
                foreach (var rule in Ssda903Validator.Rules)
                {
                    if (!rule.AppliesTo(ret.Year))
                    {
                        continue;
                    }

                    clock.Restart();
                    var n = 0;
                    foreach (var _ in rule.Check(ctx))
                    {
                        n++;
                    }

                    perRule[rule.Code] = perRule.GetValueOrDefault(rule.Code) + clock.Elapsed;
                }
            }
        }

        var total = perRule.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"contexts {contexts.TotalSeconds:0.000} s, rules {total.TotalSeconds:0.000} s over {perRule.Count} rules"));
        foreach (var (code, time) in perRule.OrderByDescending(kv => kv.Value).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{code,-8} {time.TotalMilliseconds,8:0.0} ms"));
        }
    }
}
