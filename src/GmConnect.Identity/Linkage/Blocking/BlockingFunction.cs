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
}
