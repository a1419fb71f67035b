using System.Runtime.CompilerServices;
using GmConnect.Demo.Population;
using GmConnect.Demo.Randomness;
using GmConnect.Demo.Records;
using GmConnect.Demo.Tables;

namespace GmConnect.Demo.Errors;

/// <summary>
/// Damages a faithful record the way real sources do, at the configured rates, and counts for
/// each error type how many records could have had it and how many did.
/// </summary>
internal sealed class ErrorInjector(ErrorRates rates, DemoTables tables, DateOnly asOf)
{
    private static readonly int TypeCount = Enum.GetValues<ErrorType>().Length;

    private readonly double[] _rates = [.. Enum.GetValues<ErrorType>().Select(rates.For)];

    public long[] Opportunities { get; } = new long[TypeCount];

    public long[] Applied { get; } = new long[TypeCount];

    /// <param name="record">The record, filled from the person.</param>
    /// <param name="person">Whose record it is.</param>
    /// <param name="household">Where they live, and lived.</param>
    /// <param name="otherNhsNumber">A valid NHS number of someone else nearby (empty when there is none).</param>
    /// <param name="rng">The household's generator.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(SourceRecord record, Person person, Household household, string otherNhsNumber, ref Prng rng)
    {
        Names(record, person, ref rng);
        Dates(record, ref rng);

        if ((record.Address.Length > 0 || record.Postcode.Length > 0) && Roll(ErrorType.AddressMove, ref rng, record))
        {
            record.Address = record.Address.Length > 0 ? household.Previous.Lines : "";
            record.Postcode = record.Postcode.Length > 0 ? household.Previous.Postcode : "";
        }

        if (record.NhsNumber.Length > 0)
        {
            if (Roll(ErrorType.NhsBrokenCheckDigit, ref rng, record))
            {
                record.NhsNumber = BreakCheck(record.NhsNumber, ref rng);
            }
            else if (otherNhsNumber.Length > 0 && Roll(ErrorType.NhsWrongPerson, ref rng, record))
            {
                record.NhsNumber = otherNhsNumber;
            }
        }

        if (Roll(ErrorType.MissingField, ref rng, record))
        {
            BlankOneField(record, ref rng);
        }

        if (Roll(ErrorType.CaseAndSpacingNoise, ref rng, record))
        {
            Noise(record, ref rng);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Names(SourceRecord record, Person person, ref Prng rng)
    {
        var baby = false;
        if (person.Age == 0 && record.Kind is SourceKind.Gp or SourceKind.Acute && Roll(ErrorType.BabyPlaceholderName, ref rng, record))
        {
            record.GivenName = rng.Next(10) switch
            {
                < 6 => "Baby",
                < 9 => person.Sex == 'M' ? "Baby Boy" : "Baby Girl",
                _ => "Infant",
            };
            record.MiddleNames = "";
            baby = true;
        }

        if (person.FormerFamilyName is not null && Roll(ErrorType.SurnameChange, ref rng, record))
        {
            record.FamilyName = person.FormerFamilyName;
        }

        var nicknamed = false;
        if (!baby && tables.Nicknames.TryGetValue(record.GivenName, out var nicknames) && Roll(ErrorType.Nickname, ref rng, record))
        {
            record.GivenName = Text.TitleCase(rng.Pick(nicknames));
            nicknamed = true;
        }

        var givenVariants = baby || nicknamed ? null : tables.GivenVariants.GetValueOrDefault(record.GivenName);
        var familyVariants = tables.SurnameVariants.GetValueOrDefault(record.FamilyName);
        if ((givenVariants is not null || familyVariants is not null) && Roll(ErrorType.SpellingVariant, ref rng, record))
        {
            if (givenVariants is not null && (familyVariants is null || rng.Chance(0.6)))
            {
                record.GivenName = Text.TitleCase(rng.Pick(givenVariants));
            }
            else
            {
                record.FamilyName = Text.TitleCase(rng.Pick(familyVariants!));
            }
        }

        if ((record.GivenName.Length > 0 || record.FamilyName.Length > 0) && Roll(ErrorType.TypingError, ref rng, record))
        {
            if (!baby && record.GivenName.Length >= 3 && (record.FamilyName.Length < 3 || rng.Chance(0.5)))
            {
                record.GivenName = Typos.Apply(record.GivenName, ref rng);
            }
            else
            {
                record.FamilyName = Typos.Apply(record.FamilyName, ref rng);
            }
        }

        if (record.GivenName.Length > 0 && record.FamilyName.Length > 0 && Roll(ErrorType.SwappedNames, ref rng, record))
        {
            (record.GivenName, record.FamilyName) = (record.FamilyName, record.GivenName);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dates(SourceRecord record, ref Prng rng)
    {
        if (record.DateOfBirth is not { } dob)
        {
            return;
        }

        if (Roll(ErrorType.PlaceholderDob, ref rng, record))
        {
            record.DateOfBirth = rng.Next(20) switch
            {
                < 12 => new DateOnly(1900, 1, 1),
                < 14 => new DateOnly(1901, 1, 1),
                _ => new DateOnly(dob.Year, 1, 1),
            };
            return;
        }

        if (dob.Day <= 12 && dob.Day != dob.Month && Roll(ErrorType.DayMonthSwap, ref rng, record))
        {
            record.DateOfBirth = new DateOnly(dob.Year, dob.Day, dob.Month);
            return;
        }

        if (Roll(ErrorType.OtherDobError, ref rng, record))
        {
            record.DateOfBirth = OtherDobError(dob, asOf, ref rng);
        }
    }

    /// <summary>
    /// A mistyped date of birth. Never one after <paramref name="asOf"/>: systems refuse a date of birth in the
    /// future, so a slip that would give one is not what gets stored. A shift of a day, a month or a year goes the
    /// other way; a transposed year that would lie in the future (2008 → 2080) is a slip in the day's digits instead.
    /// (This used to store the current year instead, 2008 → 2025: not a transposition, and no comparison can tell it
    /// from another person's date of birth.)
    /// </summary>
    private static DateOnly OtherDobError(DateOnly dob, DateOnly asOf, ref Prng rng)
    {
        var op = rng.Next(100);
        if (op < 30)
        {
            var days = rng.Chance(0.5) ? 1 : -1;
            return NotAfter(dob.AddDays(days), dob.AddDays(-days), asOf);
        }

        if (op < 45)
        {
            var months = rng.Chance(0.5) ? 1 : -1;
            return NotAfter(dob.AddMonths(months), dob.AddMonths(-months), asOf);
        }

        if (op < 70)
        {
            var years = rng.Chance(0.5) ? 1 : -1;
            return NotAfter(dob.AddYears(years), dob.AddYears(-years), asOf);
        }

        if (op < 90)
        {
            // Transposed last two digits of the year (1978 → 1987), or a decade out when they match.
            var tens = dob.Year / 10 % 10;
            var units = dob.Year % 10;
            var year = tens != units ? dob.Year - (tens * 10) - units + (units * 10) + tens : dob.Year + 10;
            var transposed = new DateOnly(year, dob.Month, Math.Min(dob.Day, DateTime.DaysInMonth(year, dob.Month)));
            if (transposed <= asOf)
            {
                return transposed;
            }
        }

        // A slip in the day's digits: 13 → 31, 21 → 12; otherwise a week out (earlier, if later would be in the future).
        var day = (dob.Day % 10 * 10) + (dob.Day / 10);
        return day >= 1 && day <= DateTime.DaysInMonth(dob.Year, dob.Month) && day != dob.Day && new DateOnly(dob.Year, dob.Month, day) <= asOf
            ? new DateOnly(dob.Year, dob.Month, day)
            : NotAfter(dob.AddDays(7), dob.AddDays(-7), asOf);
    }

    private static DateOnly NotAfter(DateOnly wanted, DateOnly otherwise, DateOnly asOf) => wanted <= asOf ? wanted : otherwise;

    private static string BreakCheck(string nhs, ref Prng rng)
    {
        // Any single changed digit fails Modulus 11: weights 2–10 times a change of 1–9 is never a multiple of 11.
        var chars = nhs.ToCharArray();
        var i = rng.Chance(0.5) ? 9 : rng.Next(9);
        chars[i] = (char)('0' + ((chars[i] - '0' + 1 + rng.Next(9)) % 10));
        return new string(chars);
    }

    private static void BlankOneField(SourceRecord record, ref Prng rng)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            switch (rng.Next(100))
            {
                case < 22 when record.DateOfBirth is not null:
                    record.DateOfBirth = null;
                    return;
                case >= 22 and < 42 when record.Postcode.Length > 0:
                    record.Postcode = "";
                    return;
                case >= 42 and < 52 when record.Address.Length > 0:
                    record.Address = "";
                    return;
                case >= 52 and < 65 when record.Sex != '\0':
                    record.Sex = rng.Chance(0.5) ? 'U' : '\0';
                    return;
                case >= 65 and < 73 when record.GivenName.Length > 0:
                    record.GivenName = "";
                    return;
                case >= 73 and < 88 when record.NhsNumber.Length > 0:
                    record.NhsNumber = "";
                    return;
                case >= 88 and < 94 when record.MiddleNames.Length > 0:
                    record.MiddleNames = "";
                    return;
                case >= 94 when record.Phone.Length > 0:
                    record.Phone = "";
                    return;
            }
        }

        record.Postcode = "";
    }

    private static void Noise(SourceRecord record, ref Prng rng)
    {
        switch (rng.Next(100))
        {
            case < 30:
                record.FamilyName = record.FamilyName.ToUpperInvariant();
                break;
            case < 45:
                record.GivenName = record.GivenName.ToUpperInvariant();
                record.MiddleNames = record.MiddleNames.ToUpperInvariant();
                record.FamilyName = record.FamilyName.ToUpperInvariant();
                break;
            case < 55:
                record.GivenName = record.GivenName.ToLowerInvariant();
                record.FamilyName = record.FamilyName.ToLowerInvariant();
                break;
            case < 65:
                record.GivenName = " " + record.GivenName + "  ";
                record.FamilyName = record.FamilyName.Replace("-", " - ", StringComparison.Ordinal) + " ";
                break;
            case < 80 when record.Postcode.Length > 0:
                record.Postcode = record.Postcode.Replace(" ", "", StringComparison.Ordinal);
                break;
            case < 88 when record.Postcode.Length > 0:
                record.Postcode = record.Postcode.ToLowerInvariant();
                break;
            case < 95 when record.NhsNumber.Length == 10:
                record.NhsNumber = record.NhsNumber[..3] + " " + record.NhsNumber[3..6] + " " + record.NhsNumber[6..];
                break;
            default:
                record.Address = record.Address.Replace(", ", ",  ", StringComparison.Ordinal).ToUpperInvariant();
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Roll(ErrorType type, ref Prng rng, SourceRecord record)
    {
        Opportunities[(int)type]++;
        if (!rng.Chance(_rates[(int)type]))
        {
            return false;
        }

        Applied[(int)type]++;
        record.Errors |= 1 << (int)type;
        return true;
    }
}
