namespace GmConnect.Governance.BreakGlass;

/// <summary>The session opened, or why it was refused (a machine-readable code).</summary>
public sealed record BreakGlassResult(BreakGlassSession? Session, string? Refusal)
{
    /// <summary>True when a session was opened.</summary>
    public bool Opened => Session is not null;
}
