namespace GmConnect.Identity.Manager;

/// <summary>A PDQ-style demographic search. Any field may be null; at least one must be given.</summary>
public sealed record DemographicQuery
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }

    /// <summary><c>M</c>, <c>F</c> or <c>U</c>.</summary>
    public string? Sex { get; init; }
    public string? Postcode { get; init; }

    /// <summary>Exact: every given field must agree after normalisation. Fuzzy: scored by the linkage model.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Exact;

    /// <summary>The most results to return (best first).</summary>
    public int Limit { get; init; } = 20;
}

/// <summary>Exact or fuzzy demographic search.</summary>
public enum SearchMode
{
    Exact,
    Fuzzy,
}
