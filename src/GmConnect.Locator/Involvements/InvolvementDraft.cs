using GmConnect.Locator.Pointers;

namespace GmConnect.Locator.Involvements;

/// <summary>What an organisation registers about its involvement with a person.</summary>
public sealed record InvolvementDraft
{
    /// <summary>An identifier of the person the Identity Manager knows.</summary>
    public required SubjectIdentifier Subject { get; init; }

    /// <summary>The team.</summary>
    public string? Team { get; init; }

    /// <summary>How to reach the lead worker.</summary>
    public string? LeadContact { get; init; }

    /// <summary>First day.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>Last day, or null while it continues.</summary>
    public DateOnly? End { get; init; }

    /// <summary>Last contact.</summary>
    public DateOnly? LastContact { get; init; }
}
