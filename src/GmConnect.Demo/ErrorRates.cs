namespace GmConnect.Demo;

/// <summary>
/// The probability of each error type, per record where the error is possible (its
/// "opportunity": e.g. a day/month swap needs a day of 12 or less that differs from the month).
/// Defaults are documented in the project README; every rate must lie in [0, 1].
/// </summary>
public sealed record ErrorRates
{
    /// <summary>The documented defaults.</summary>
    public static ErrorRates Default { get; } = new();

    /// <summary>No errors at all: every record is a faithful copy of its person.</summary>
    public static ErrorRates None { get; } = new()
    {
        TypingError = 0, Nickname = 0, SpellingVariant = 0, SwappedNames = 0, SurnameChange = 0, AddressMove = 0,
        DayMonthSwap = 0, OtherDobError = 0, PlaceholderDob = 0, MissingField = 0, NhsBrokenCheckDigit = 0,
        NhsWrongPerson = 0, BabyPlaceholderName = 0, CaseAndSpacingNoise = 0,
    };

    /// <summary>Per record with a name. Default 0.03.</summary>
    public double TypingError { get; init; } = 0.03;

    /// <summary>Per record whose given name has a known nickname. Default 0.05.</summary>
    public double Nickname { get; init; } = 0.05;

    /// <summary>Per record whose given or family name has a known variant spelling. Default 0.04.</summary>
    public double SpellingVariant { get; init; } = 0.04;

    /// <summary>Per record with both names. Default 0.01.</summary>
    public double SwappedNames { get; init; } = 0.01;

    /// <summary>Per record of a person whose surname changed (marriage, adoption). Default 0.15.</summary>
    public double SurnameChange { get; init; } = 0.15;

    /// <summary>Per record with an address. Default 0.08.</summary>
    public double AddressMove { get; init; } = 0.08;

    /// <summary>Per record whose date of birth has a day of 12 or less, different from the month. Default 0.01.</summary>
    public double DayMonthSwap { get; init; } = 0.01;

    /// <summary>Per record with a date of birth. Default 0.015.</summary>
    public double OtherDobError { get; init; } = 0.015;

    /// <summary>Per record with a date of birth. Default 0.004.</summary>
    public double PlaceholderDob { get; init; } = 0.004;

    /// <summary>Per record: one field blanked. Default 0.06.</summary>
    public double MissingField { get; init; } = 0.06;

    /// <summary>Per record holding an NHS number. Default 0.003.</summary>
    public double NhsBrokenCheckDigit { get; init; } = 0.003;

    /// <summary>Per record holding an NHS number. Default 0.0005.</summary>
    public double NhsWrongPerson { get; init; } = 0.0005;

    /// <summary>Per GP or hospital record of a child under one. Default 0.15.</summary>
    public double BabyPlaceholderName { get; init; } = 0.15;

    /// <summary>Per record. Default 0.08.</summary>
    public double CaseAndSpacingNoise { get; init; } = 0.08;

    /// <summary>The rate of one error type.</summary>
    public double For(ErrorType type) => type switch
    {
        ErrorType.TypingError => TypingError,
        ErrorType.Nickname => Nickname,
        ErrorType.SpellingVariant => SpellingVariant,
        ErrorType.SwappedNames => SwappedNames,
        ErrorType.SurnameChange => SurnameChange,
        ErrorType.AddressMove => AddressMove,
        ErrorType.DayMonthSwap => DayMonthSwap,
        ErrorType.OtherDobError => OtherDobError,
        ErrorType.PlaceholderDob => PlaceholderDob,
        ErrorType.MissingField => MissingField,
        ErrorType.NhsBrokenCheckDigit => NhsBrokenCheckDigit,
        ErrorType.NhsWrongPerson => NhsWrongPerson,
        ErrorType.BabyPlaceholderName => BabyPlaceholderName,
        ErrorType.CaseAndSpacingNoise => CaseAndSpacingNoise,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Throws when any rate lies outside [0, 1].</summary>
    public void Validate()
    {
        foreach (var type in Enum.GetValues<ErrorType>())
        {
            var rate = For(type);
            if (double.IsNaN(rate) || rate < 0 || rate > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ErrorRates), rate, $"The {type} rate must lie between 0 and 1.");
            }
        }
    }
}
