using GmConnect.Workbench.Model;

namespace GmConnect.Integration.Ssda903;

/// <summary>The returns read (one per authority and year) and every message about what could not be used.</summary>
public sealed record Ssda903ImportResult(IReadOnlyList<Ssda903Return> Returns, IReadOnlyList<ImportMessage> Messages);
