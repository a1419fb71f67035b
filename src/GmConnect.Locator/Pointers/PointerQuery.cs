namespace GmConnect.Locator.Pointers;

/// <summary>A consumer search: the person (by any identifier the Identity Manager knows) and optional filters.</summary>
public sealed record PointerQuery
{
    /// <summary>Any identifier of the person.</summary>
    public required SubjectIdentifier Subject { get; init; }

    /// <summary>Record type codes (any of); empty = all.</summary>
    public IReadOnlyCollection<string> Types { get; init; } = [];

    /// <summary>Category codes (any of); empty = all.</summary>
    public IReadOnlyCollection<string> Categories { get; init; } = [];

    /// <summary>Custodian organisations (any of); empty = all.</summary>
    public IReadOnlyCollection<string> Custodians { get; init; } = [];

    /// <summary>Only pointers whose period overlaps from this day on.</summary>
    public DateOnly? PeriodFrom { get; init; }

    /// <summary>Only pointers whose period overlaps up to this day.</summary>
    public DateOnly? PeriodTo { get; init; }

    /// <summary>Permitted pointers to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Permitted pointers to return (page size).</summary>
    public int Count { get; init; } = 20;
}
