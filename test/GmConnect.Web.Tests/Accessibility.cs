using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>Runs axe-core (from npm) in the page and fails on any WCAG 2.2 A/AA violation.</summary>
internal static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeSource.Value });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        if (result.GetArrayLength() == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe-core found WCAG 2.2 AA violations on {page.Url}:\n");
        foreach (var violation in result.EnumerateArray())
        {
            report.Append("- ").Append(violation.GetProperty("id").GetString()).Append(" (").Append(violation.GetProperty("impact").GetString()).Append("): ")
                .Append(violation.GetProperty("help").GetString()).Append(" at ")
                .AppendJoin(", ", violation.GetProperty("targets").EnumerateArray().Select(t => t.GetString())).Append('\n');
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>True when the page scrolls sideways at its current width (WCAG 1.4.10 reflow).</summary>
    public static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
}
