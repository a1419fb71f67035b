namespace GmConnect.Integration.PersonRecords;

/// <summary>What an import of one file did.</summary>
public sealed record ImportResult
{
    public required long BatchId { get; init; }
    public required ImportOutcome Outcome { get; init; }
    public required int Accepted { get; init; }
    public required int Rejected { get; init; }
    public required int Created { get; init; }
    public required int Updated { get; init; }
    public required int Unchanged { get; init; }
}
