using System.Globalization;
using System.Text;
using GmConnect.Demo;

namespace GmConnect.Cli.Demo;

/// <summary>The end-of-run summary as text: counts by source kind and by error type, never personal data.</summary>
internal static class SummaryText
{
    public static string Format(PopulationSummary summary, string directory, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"Generated {summary.People:N0} people in {summary.Households:N0} households: {summary.Records:N0} records in {elapsed.TotalSeconds:F1} s, seed {summary.Seed}, as at {summary.AsOf:yyyy-MM-dd}.").AppendLine();
        sb.Append(inv, $"Written to {directory}").AppendLine();
        sb.AppendLine("Records by source kind:");
        foreach (var (kind, count) in summary.RecordsBySource)
        {
            sb.Append(inv, $"  {kind,-12} {count,12:N0}").AppendLine();
        }

        sb.AppendLine("Errors by type (applied / possible, configured rate):");
        foreach (var (type, count) in summary.Errors)
        {
            sb.Append(inv, $"  {type,-22} {count.Applied,10:N0} / {count.Opportunities,-12:N0} rate {count.Rate:0.####}").AppendLine();
        }

        sb.AppendLine("Population features:");
        foreach (var (feature, count) in summary.Features)
        {
            sb.Append(inv, $"  {feature,-30} {count,12:N0}").AppendLine();
        }

        return sb.ToString().TrimEnd();
    }
}
