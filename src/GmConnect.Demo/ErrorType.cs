namespace GmConnect.Demo;

/// <summary>
/// The kinds of error and change the generator injects into source records. Each has a rate in
/// <see cref="ErrorRates"/>; the summary counts how often each was possible and how often applied.
/// </summary>
public enum ErrorType
{
    /// <summary>A keyboard slip in the given or family name: adjacent key, dropped, doubled or transposed letter.</summary>
    TypingError,

    /// <summary>A nickname recorded for the given name (William → Bill).</summary>
    Nickname,

    /// <summary>Another spelling of the given or family name (Mohammed → Muhammad, O'Brien → OBrien).</summary>
    SpellingVariant,

    /// <summary>Given and family names recorded the other way round.</summary>
    SwappedNames,

    /// <summary>The surname from before a marriage or adoption.</summary>
    SurnameChange,

    /// <summary>The household's previous address (the source has not heard of the move).</summary>
    AddressMove,

    /// <summary>Day and month of the date of birth swapped.</summary>
    DayMonthSwap,

    /// <summary>Another date-of-birth slip: a day or month out, the wrong year, transposed year digits.</summary>
    OtherDobError,

    /// <summary>A placeholder date of birth such as 1900-01-01, or 1 January of the right year.</summary>
    PlaceholderDob,

    /// <summary>One field the source would hold left blank.</summary>
    MissingField,

    /// <summary>An NHS number with a changed digit, so that it fails its Modulus 11 check.</summary>
    NhsBrokenCheckDigit,

    /// <summary>A valid NHS number that belongs to someone else (usually a family member).</summary>
    NhsWrongPerson,

    /// <summary>A newborn recorded before naming: "Baby" and the family name.</summary>
    BabyPlaceholderName,

    /// <summary>Upper or lower case names, stray spaces, postcodes without their space, spaced NHS numbers.</summary>
    CaseAndSpacingNoise,
}
