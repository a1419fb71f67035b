namespace GmConnect.Demo.Identifiers;

/// <summary>
/// The Police National Computer ID check character. Validation only (see <see cref="NhsNumber"/>).
/// </summary>
/// <remarks>
/// Written <c>YY/NNNNNNNA</c> (or with a four-digit year, <c>YYYY/NNNNNNNA</c>): the year the
/// record was created, a seven-digit serial and a check character. The check is the nine-digit
/// number YYNNNNNNN modulo 23, written with the alphabet Z, A–Y without I, O and S (0 is Z).
/// </remarks>
internal static class PncId
{
    /// <summary>Index 0 is Z, then A–Y without I, O and S.</summary>
    public const string Alphabet = "ZABCDEFGHJKLMNPQRTUVWXY";

    /// <summary>The check character for a two-digit year and a serial below 10,000,000.</summary>
    public static char CheckCharacter(int twoDigitYear, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(twoDigitYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(twoDigitYear, 99);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9_999_999);
        return Alphabet[(int)((twoDigitYear * 10_000_000L + serial) % 23)];
    }

    /// <summary>True for <c>YY/NNNNNNNA</c> or <c>YYYY/NNNNNNNA</c> with the right check character.</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        var slash = value.IndexOf('/');
        if (slash is not (2 or 4) || value.Length != slash + 9)
        {
            return false;
        }

        var year = value[(slash - 2)..slash];
        var serial = value.Slice(slash + 1, 7);
        if (!AllDigits(value[..slash]) || !AllDigits(serial))
        {
            return false;
        }

        var yy = ((year[0] - '0') * 10) + (year[1] - '0');
        var nnn = int.Parse(serial, System.Globalization.CultureInfo.InvariantCulture);
        return value[^1] == CheckCharacter(yy, nnn);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
