namespace GmConnect.Workbench.Derived;

/// <summary>A placement: consecutive episodes of a period with the same carer (a legal-status-only change, RNE L, continues it).</summary>
public sealed record Placement(DateOnly Start, DateOnly? End, string? Place, string? Provider, string? Postcode, string? Urn, bool Temporary);
