using System.Globalization;

namespace GmConnect.Server.Pages.Workbench.Reports;

/// <summary>How the report pages write instants: in UTC, as the audit trail does, so every reader sees the same time.</summary>
internal static class ReportsFormat
{
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
