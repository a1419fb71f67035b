namespace GmConnect.Workbench.Discussion;

/// <summary>A report as a discussion needs it, once the reader is known to be allowed to see it: its title and its blocks' ids.</summary>
public sealed record DiscussedReport(string Id, string Title, IReadOnlyCollection<string> BlockIds);
