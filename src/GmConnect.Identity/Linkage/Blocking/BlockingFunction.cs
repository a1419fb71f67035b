namespace GmConnect.Identity.Linkage.Blocking;

/// <summary>What a blocking key takes from a comparison's value.</summary>
internal enum BlockingFunction
{
    Value,
    First,
    Last,
    Soundex,
    Nysiis,
    Year,
    MonthDay,

    /// <summary>The Soundex codes of two comparisons' values in sorted order: agrees when the two are swapped.</summary>
    SortedSoundex,

    /// <summary>
    /// Not a key but a condition: the rule pairs two records of one block only when at least one of them has no
    /// value for the comparison (e.g. family and given name agree and either record lacks the date of birth).
    /// </summary>
    Missing,
}
