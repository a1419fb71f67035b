namespace GmConnect.Integration.PersonRecords;

/// <summary>Progress of an import: rows so far and, for a file, the fraction read.</summary>
public readonly record struct ImportProgress(long Rows, int Rejected, double? Fraction);
