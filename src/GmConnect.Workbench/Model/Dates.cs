using System.Globalization;

namespace GmConnect.Workbench.Model;

/// <summary>Date parsing for 903 values: DD/MM/YYYY as the DfE layout, ISO YYYY-MM-DD as pipelines write.</summary>
public static class Dates
{
    private static readonly string[] Formats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff", "dd-MM-yyyy", "dd.MM.yyyy",
    ];

    /// <summary>Parses a 903 date; null when blank or not a real date.</summary>
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Fast path for the two layouts met almost always (DD/MM/YYYY and YYYY-MM-DD); the general parser handles the rest.
        var span = text.AsSpan().Trim();
        if (span.Length == 10)
        {
            if (span[2] == '/' && span[5] == '/' && Digits(span[..2], out var d) && Digits(span.Slice(3, 2), out var m) && Digits(span[6..], out var y))
            {
                return Make(y, m, d);
            }

            if (span[4] == '-' && span[7] == '-' && Digits(span[..4], out var y2) && Digits(span.Slice(5, 2), out var m2) && Digits(span[8..], out var d2))
            {
                return Make(y2, m2, d2);
            }
        }

        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            return DateOnly.FromDateTime(dt);
        }

        return null;
    }

    private static bool Digits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>Whole years of age on <paramref name="on"/> for someone born on <paramref name="dob"/>.</summary>
    public static int AgeOn(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        if (on < dob.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}
