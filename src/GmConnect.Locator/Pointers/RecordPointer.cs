using GmConnect.Governance.Sensitivity;

namespace GmConnect.Locator.Pointers;

/// <summary>
/// A pointer: that a record of some type exists about a person, who holds it, when, in what state and where its
/// content is. Shaped like NHS England's National Record Locator <c>DocumentReference</c>. Never the content itself.
/// </summary>
public sealed record RecordPointer
{
    /// <summary>The pointer's id, assigned by the exchange.</summary>
    public required string Id { get; init; }

    /// <summary>The producer's own identifier for the record (<c>system|value</c>), unique per custodian; the key of upserts.</summary>
    public string? MasterIdentifier { get; init; }

    /// <summary>The record type's code (configs/locator/record-types.json).</summary>
    public required string Type { get; init; }

    /// <summary>The record type's category.</summary>
    public required string Category { get; init; }

    /// <summary>The organisation that holds the record and answers for it.</summary>
    public required string CustodianId { get; init; }

    /// <summary>The identifiers of the person, as the producer gave them.</summary>
    public required IReadOnlyList<SubjectIdentifier> Subjects { get; init; }

    /// <summary>Who wrote the record (a practitioner id or a team), as the producer gave it.</summary>
    public string? Author { get; init; }

    /// <summary>A short description for people (never required, never personal detail by convention).</summary>
    public string? Description { get; init; }

    /// <summary>First day the record covers (FHIR <c>context.period.start</c>).</summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>Last day the record covers, or null while open.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Current, superseded or entered in error.</summary>
    public PointerStatus Status { get; init; } = PointerStatus.Current;

    /// <summary>The pointer this one replaces (<c>relatesTo.code = replaces</c>), if any.</summary>
    public string? Replaces { get; init; }

    /// <summary>Sensitivity labels (at least the type's defaults).</summary>
    public SensitivityLabels Sensitivity { get; init; }

    /// <summary>Where the content is.</summary>
    public IReadOnlyList<PointerAttachment> Content { get; init; } = [];

    /// <summary>1 on creation, +1 on every change.</summary>
    public int Version { get; init; } = 1;

    /// <summary>When the pointer was created (UTC; FHIR <c>DocumentReference.date</c>).</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>When it last changed (UTC; <c>meta.lastUpdated</c>).</summary>
    public DateTimeOffset LastUpdated { get; init; }
}
