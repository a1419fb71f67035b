namespace GmConnect.Integration.PersonRecords;

/// <summary>One parsed row: either a record or the errors that kept it out, with its raw text.</summary>
/// <param name="Line">The 1-based line where the row starts.</param>
/// <param name="Record">The record, when the row is valid.</param>
/// <param name="Errors">The row's errors; empty when valid.</param>
/// <param name="Raw">The row's raw text, kept so that a rejected row is set aside, not lost.</param>
public sealed record PersonRecordRow(long Line, PersonRecord? Record, IReadOnlyList<RowError> Errors, string Raw)
{
    /// <summary>True when the row was accepted.</summary>
    public bool IsValid => Record is not null;
}
