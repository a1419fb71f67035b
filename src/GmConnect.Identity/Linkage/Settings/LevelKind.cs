namespace GmConnect.Identity.Linkage.Settings;

/// <summary>The kinds of comparison level. The JSON name is the snake_case form (e.g. <c>jaro_winkler</c>).</summary>
public enum LevelKind
{
    /// <summary>The normalised values are equal.</summary>
    Exact,

    /// <summary>Jaro similarity at least <c>threshold</c>.</summary>
    Jaro,

    /// <summary>Jaro–Winkler similarity at least <c>threshold</c>.</summary>
    JaroWinkler,

    /// <summary>Levenshtein distance at most <c>max</c>.</summary>
    Levenshtein,

    /// <summary>Damerau–Levenshtein (optimal string alignment) distance at most <c>max</c>.</summary>
    DamerauLevenshtein,

    /// <summary>Jaccard similarity of word tokens (or bigrams with <c>tokens: "bigrams"</c>) at least <c>threshold</c>.</summary>
    Jaccard,

    /// <summary>At least <c>min</c> word tokens in common (default 1).</summary>
    TokenOverlap,

    /// <summary>Equal Soundex codes.</summary>
    Soundex,

    /// <summary>Equal NYSIIS codes.</summary>
    Nysiis,

    /// <summary>The names are known variants or nicknames of one another (shipped table).</summary>
    NameVariant,

    /// <summary>This value equals the other record's <c>with</c> comparison value and vice versa (given and family name swapped).</summary>
    Swapped,

    /// <summary>Dates whose day and month are swapped.</summary>
    DateDayMonthSwapped,

    /// <summary>Dates (as YYYYMMDD) that differ in exactly one digit.</summary>
    DateOneDigit,

    /// <summary>Dates at most <c>years</c> apart (in days, 366 per year).</summary>
    DateWithinYears,

    /// <summary>Dates at most <c>days</c> apart.</summary>
    DateWithinDays,

    /// <summary>UK postcodes in the same sector (outward code and first inward digit).</summary>
    PostcodeSector,

    /// <summary>UK postcodes in the same district (outward code).</summary>
    PostcodeDistrict,

    /// <summary>UK postcodes in the same area (leading letters).</summary>
    PostcodeArea,

    /// <summary>Numbers at most <c>max</c> apart.</summary>
    NumericWithin,

    /// <summary>Numbers whose difference is at most <c>max</c> as a fraction of the larger.</summary>
    NumericPercentWithin,

    /// <summary>Both identifiers are valid and equal: very strong evidence for.</summary>
    IdentifierAgree,

    /// <summary>Both identifiers are valid and differ: strong evidence against.</summary>
    IdentifierDisagree,

    /// <summary>Dates (as YYYYMMDD) with the same month and day in different years: a year mistyped or defaulted.</summary>
    DateSameMonthDay,

    /// <summary>
    /// Listed variants after correcting one slip in either name (Davdi and Dave: Davdi is one slip from David, a
    /// variant of Dave). Names under four letters are not corrected.
    /// </summary>
    NameVariantSlip,

    /// <summary>
    /// One name in the other's field: this comparison's value equals the other record's <c>with</c> value, or the
    /// other way round (a given name entered as the family name in one record only).
    /// </summary>
    SwappedOne,
}
