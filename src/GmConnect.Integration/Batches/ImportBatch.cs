namespace GmConnect.Integration.Batches;

/// <summary>One import of one file, as an operator sees it. Counts only, no content.</summary>
public sealed record ImportBatch
{
    public required long Id { get; init; }
    public required string Format { get; init; }
    public required string FileName { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public required int Accepted { get; init; }
    public required int Rejected { get; init; }
    public required int Created { get; init; }
    public required int Updated { get; init; }
    public required int Unchanged { get; init; }
}
