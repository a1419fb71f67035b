namespace GmConnect.Locator.RecordTypes;

/// <summary>The record types file is broken: every problem, each with its JSON path.</summary>
public sealed class RecordTypesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecordTypesException(string source, IReadOnlyList<string> problems)
        : base($"{source}: {problems.Count} problem(s) in the record types registry:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems)) =>
        Problems = problems;

    /// <summary>Creates the exception.</summary>
    public RecordTypesException()
        : this("record types", [])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RecordTypesException(string message)
        : base(message) => Problems = [message];

    /// <summary>Creates the exception.</summary>
    public RecordTypesException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Each problem as <c>$.path: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
