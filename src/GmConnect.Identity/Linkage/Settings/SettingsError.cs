namespace GmConnect.Identity.Linkage.Settings;

/// <summary>One problem in a settings file: the JSON path (e.g. <c>$.comparisons[2].levels[0].threshold</c>) and what is wrong.</summary>
public sealed record SettingsError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
