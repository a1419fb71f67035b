using System.Globalization;

namespace GmConnect.Workbench.Model;

/// <summary>
/// A DfE collection year such as 2024/25: 1 April 2024 to 31 March 2025. <see cref="EndYear"/> is the
/// "YEAR" used by LIIA pipelines (the calendar year in which the return ends).
/// </summary>
public readonly record struct CollectionYear(int StartYear) : IComparable<CollectionYear>
{
    /// <summary>The calendar year in which the collection year ends.</summary>
    public int EndYear => StartYear + 1;

    /// <summary>1 April of the start year.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>31 March of the end year.</summary>
    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>The year before this one.</summary>
    public CollectionYear Previous => new(StartYear - 1);

    /// <summary>Parses "2024/25", "2024-25", "202425", "2425" or an end year "2025".</summary>
    public static bool TryParse(string? text, out CollectionYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 6 && int.TryParse(digits.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var s6))
        {
            if (int.Parse(digits.AsSpan(4), CultureInfo.InvariantCulture) != (s6 + 1) % 100)
            {
                return false;
            }

            year = new CollectionYear(s6);
            return true;
        }

        if (digits.Length == 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var four))
        {
            var a = four / 100;
            var b = four % 100;
            // "2425"/"1920"-style short years (the second pair follows the first) mean 20aa/bb; otherwise
            // the number is the end year. "2021" reads the same either way (2020/21).
            year = b == (a + 1) % 100 && a < 40 ? new CollectionYear(2000 + a) : new CollectionYear(four - 1);
            return year.StartYear is >= 1990 and <= 2100;
        }

        return false;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static CollectionYear Parse(string text) =>
        TryParse(text, out var y) ? y : throw new FormatException($"'{text}' is not a collection year such as 2024/25.");

    /// <summary>The collection year containing <paramref name="date"/>.</summary>
    public static CollectionYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <inheritdoc />
    public int CompareTo(CollectionYear other) => StartYear.CompareTo(other.StartYear);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{EndYear % 100:00}");

    public static bool operator <(CollectionYear left, CollectionYear right) => left.CompareTo(right) < 0;

    public static bool operator >(CollectionYear left, CollectionYear right) => left.CompareTo(right) > 0;

    public static bool operator <=(CollectionYear left, CollectionYear right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CollectionYear left, CollectionYear right) => left.CompareTo(right) >= 0;
}
