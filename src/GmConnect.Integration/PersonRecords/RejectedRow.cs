namespace GmConnect.Integration.PersonRecords;

/// <summary>A row set aside by an import, with its reasons and its raw text.</summary>
public sealed record RejectedRow(long Line, IReadOnlyList<RowError> Errors, string Raw);
