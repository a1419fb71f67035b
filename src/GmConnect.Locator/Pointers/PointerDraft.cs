using GmConnect.Governance.Sensitivity;

namespace GmConnect.Locator.Pointers;

/// <summary>What a producer submits to create, upsert or update a pointer. The exchange assigns id, version and times.</summary>
public sealed record PointerDraft
{
    /// <summary>The producer's identifier for the record (<c>system|value</c>); required for upsert.</summary>
    public string? MasterIdentifier { get; init; }

    /// <summary>The record type's code.</summary>
    public string? Type { get; init; }

    /// <summary>The category; when given it must be the type's.</summary>
    public string? Category { get; init; }

    /// <summary>The custodian; when given it must be the caller's organisation.</summary>
    public string? CustodianId { get; init; }

    /// <summary>At least one identifier of the person.</summary>
    public IReadOnlyList<SubjectIdentifier> Subjects { get; init; } = [];

    /// <summary>Who wrote the record.</summary>
    public string? Author { get; init; }

    /// <summary>A short description.</summary>
    public string? Description { get; init; }

    /// <summary>First day covered.</summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>Last day covered.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Current (the default) or entered in error; superseded is set by the exchange only.</summary>
    public PointerStatus Status { get; init; } = PointerStatus.Current;

    /// <summary>The pointer this one replaces; it becomes superseded.</summary>
    public string? Replaces { get; init; }

    /// <summary>Labels in addition to the type's defaults.</summary>
    public SensitivityLabels Sensitivity { get; init; }

    /// <summary>Where the content is: at least one attachment.</summary>
    public IReadOnlyList<PointerAttachment> Content { get; init; } = [];
}
