using GmConnect.Workbench.Measures;

namespace GmConnect.Workbench.Explore;

/// <summary>One measure as the explorer shows it: its name in the figures, a title, what it counts, and whether it has categories.</summary>
public sealed record MeasureInfo(string Name, string Title, string Description, MeasureKind Kind, string Unit, bool HasCategories, string Group);
