namespace GmConnect.Workbench.Derived;

/// <summary>A spell under one legal status within a period of care.</summary>
public sealed record LegalStatusSpell(DateOnly Start, DateOnly? End, string? LegalStatus);
