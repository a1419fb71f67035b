namespace GmConnect.Integration.PersonRecords;

/// <summary>Why one row of a bulk file was not accepted.</summary>
/// <param name="Line">The 1-based line of the file where the row starts (the header is line 1).</param>
/// <param name="Field">The column at fault, or null when the row as a whole is at fault.</param>
/// <param name="Message">What is wrong, in words an analyst can act on. Never contains the value.</param>
public sealed record RowError(long Line, string? Field, string Message);
