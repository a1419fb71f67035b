namespace GmConnect.Storage;

/// <summary>Where one component's schema stands.</summary>
/// <param name="Component">The component.</param>
/// <param name="Current">The highest applied version (0 when none).</param>
/// <param name="Latest">The highest version the code knows.</param>
public sealed record SchemaStatus(string Component, int Current, int Latest)
{
    /// <summary>True when every known migration is applied.</summary>
    public bool IsCurrent => Current == Latest;
}
