namespace GmConnect.Workbench.Geography;

/// <summary>A lookup file read: the lookup, or null with the problems found (each with its file and line).</summary>
public sealed record LookupLoadResult<T>(T? Value, IReadOnlyList<LookupFileError> Errors)
    where T : class
{
    /// <summary>Whether the file was read without problems.</summary>
    public bool Ok => Value is not null && Errors.Count == 0;
}
