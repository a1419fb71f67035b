namespace GmConnect.Workbench.Geography;

/// <summary>A problem in a lookup file the user supplied: the file's name, the 1-based line and what is wrong (never a value).</summary>
public sealed record LookupFileError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Message}";
}
