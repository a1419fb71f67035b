using GmConnect.Workbench.Reports;

namespace GmConnect.Server.Workbench.Reports;

/// <summary>What an export holds: the version (or draft), its blocks drawn with small numbers withheld everywhere, the data version now, and who exports.</summary>
internal sealed record ReportExport(ReportVersion Version, IReadOnlyList<RenderedBlock> Blocks, string DataVersionNow, int LatestVersion, string OwnerName, string ExportedBy, bool IsDraft);
