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

        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            return DateOnly.FromDateTime(dt);
        }

        return null;
    }

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
