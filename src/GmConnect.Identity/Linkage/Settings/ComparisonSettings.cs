using GmConnect.Identity.Identifiers;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Linkage.Settings;

/// <summary>A comparison of one (or several joined) columns, made of ordered levels plus an implicit null level and else level.</summary>
public sealed record ComparisonSettings
{
    /// <summary>Unique name, used by blocking keys and explanations.</summary>
    public required string Name { get; init; }

    /// <summary>Input columns; several are joined with a space.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Transforms applied to the joined value, in order.</summary>
    public required IReadOnlyList<TextTransform> Transforms { get; init; }

    /// <summary>When set, the value is an identifier of this kind: normalised and checked.</summary>
    public IdentifierKind? Identifier { get; init; }

    /// <summary>Whether the exact level's weight is adjusted by the frequency of the value.</summary>
    public bool TermFrequency { get; init; }

    /// <summary>Weight of the term-frequency adjustment, 0–1.</summary>
    public double TermFrequencyWeight { get; init; } = 1.0;

    /// <summary>A pair in the else level (nothing similar) is never linked automatically (e.g. different first names: twins).</summary>
    public bool VetoElse { get; init; }

    /// <summary>
    /// Placeholder values that mean "unknown" (a date of birth of 1 January 1900, a newborn's "Baby"), compared with
    /// the prepared value (after transforms; dates as YYYYMMDD): such a value counts as missing, so that it is neither
    /// evidence for a match nor, through a veto, against one.
    /// </summary>
    public IReadOnlySet<string> NullValues { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The levels, most to least similar. The null and else levels are added by the engine.</summary>
    public required IReadOnlyList<LevelSettings> Levels { get; init; }
}
