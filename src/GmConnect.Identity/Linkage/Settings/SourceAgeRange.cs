namespace GmConnect.Identity.Linkage.Settings;

/// <summary>
/// The ages of the people a source holds records about. <see cref="MaxAge"/> applies on the record's own recorded date
/// (a school record touched in 2023 is about someone who was a pupil in 2023). <see cref="MinAge"/> applies on the
/// newest recorded date in the input, the extract's date: a record's recorded date is when it was last touched, and a
/// source's data need not be consistent about when a record was created, so the weaker, safe reading is used.
/// </summary>
public sealed record SourceAgeRange
{
    /// <summary>Sources whose name starts with this (ordinal), e.g. <c>school:</c>.</summary>
    public required string Prefix { get; init; }

    /// <summary>Youngest age the source holds, in whole years, or null.</summary>
    public int? MinAge { get; init; }

    /// <summary>Oldest age the source holds, in whole years, or null.</summary>
    public int? MaxAge { get; init; }
}
