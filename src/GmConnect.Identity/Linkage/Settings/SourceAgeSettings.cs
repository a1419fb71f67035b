namespace GmConnect.Identity.Linkage.Settings;

/// <summary>
/// What a record's source says about the person's age (ADR 0003, rule 11): a school holds pupils, DWP holds people of
/// working or pension age. A record from such a source cannot be one person with a record whose date of birth lies
/// outside the source's ages, even when the record itself has no date of birth.
/// </summary>
public sealed record SourceAgeSettings
{
    /// <summary>The comparison whose values are the dates of birth (its placeholders count as missing).</summary>
    public required string DateOfBirth { get; init; }

    /// <summary>The column holding the date each record was last recorded (ISO date); records without one get no upper age.</summary>
    public required string RecordedColumn { get; init; }

    /// <summary>The sources and their ages.</summary>
    public required IReadOnlyList<SourceAgeRange> Sources { get; init; }
}
