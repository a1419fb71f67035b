using System.Text;

namespace GmConnect.Identity.Identifiers;

/// <summary>
/// Normalises and checks national identifiers. <see cref="Normalise"/> gives a canonical form (upper
/// case, spaces and separators removed) whether or not the value is valid; <see cref="IsValid"/> says
/// whether the canonical form passes the identifier's check. An identifier only counts as strong
/// evidence when it is valid.
/// </summary>
public static class IdentifierCheck
{
    private const string UpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>Canonical form of a value as recorded; null when nothing is left.</summary>
    public static string? Normalise(IdentifierKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var raw in value)
        {
            var c = char.ToUpperInvariant(raw);
            if (char.IsAsciiLetterOrDigit(c) || (kind == IdentifierKind.PncId && c == '/'))
            {
                sb.Append(c);
            }
        }

        if (sb.Length == 0)
        {
            return null;
        }

        var s = sb.ToString();
        return kind == IdentifierKind.PncId ? NormalisePnc(s) : s;
    }

    /// <summary>Whether a canonical value (from <see cref="Normalise"/>) passes the identifier's check.</summary>
    public static bool IsValid(IdentifierKind kind, string? canonical) => canonical is not null && kind switch
    {
        IdentifierKind.NhsNumber => IsValidNhsNumber(canonical),
        IdentifierKind.Upn => IsValidUpn(canonical),
        IdentifierKind.Nino => IsValidNino(canonical),
        IdentifierKind.PncId => IsValidPnc(canonical),
        _ => false,
    };

    /// <summary>
    /// NHS number Modulus 11: weights 10…2 on the first nine digits; check = 11 − (sum mod 11), 11 → 0,
    /// 10 → invalid. Numbers of one repeated digit pass the arithmetic but are placeholders, so they fail.
    /// </summary>
    internal static bool IsValidNhsNumber(string s)
    {
        if (s.Length != 10)
        {
            return false;
        }

        var sum = 0;
        var allSame = true;
        for (var i = 0; i < 10; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            allSame &= s[i] == s[0];
            if (i < 9)
            {
                sum += (s[i] - '0') * (10 - i);
            }
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return !allSame && check != 10 && check == s[9] - '0';
    }

    /// <summary>
    /// UPN (DfE): a check letter, then 12 characters (LA code, establishment, year, serial; the last may be
    /// a letter in a temporary UPN). The check letter is the weighted sum (positions 2–13 times 2–13)
    /// mod 23, read from A–Z without I, O and S; a letter in position 13 counts by its index in that alphabet.
    /// </summary>
    internal static bool IsValidUpn(string s)
    {
        if (s.Length != 13 || UpnLetters.IndexOf(s[0], StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var sum = 0;
        for (var i = 1; i < 13; i++)
        {
            int value;
            if (char.IsAsciiDigit(s[i]))
            {
                value = s[i] - '0';
            }
            else if (i == 12 && UpnLetters.Contains(s[i], StringComparison.Ordinal))
            {
                value = UpnLetters.IndexOf(s[i], StringComparison.Ordinal);
            }
            else
            {
                return false;
            }

            sum += value * (i + 1);
        }

        return UpnLetters[sum % 23] == s[0];
    }

    /// <summary>Computes the UPN check letter for twelve characters (used by tests and synthetic data).</summary>
    internal static char UpnCheckLetter(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = twelve[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : UpnLetters.IndexOf(c, StringComparison.Ordinal);
            sum += value * (i + 2);
        }

        return UpnLetters[sum % 23];
    }

    /// <summary>
    /// NINO format (HMRC): two prefix letters (first not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V;
    /// not BG, GB, NK, KN, TN, NT, ZZ), six digits, suffix A–D.
    /// </summary>
    internal static bool IsValidNino(string s)
    {
        if (s.Length != 9)
        {
            return false;
        }

        var a = s[0];
        var b = s[1];
        if (!char.IsAsciiLetterUpper(a) || !char.IsAsciiLetterUpper(b) || "DFIQUV".Contains(a, StringComparison.Ordinal)
            || "DFIOQUV".Contains(b, StringComparison.Ordinal))
        {
            return false;
        }

        var prefix = s[..2];
        if (prefix is "BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ")
        {
            return false;
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return s[8] is >= 'A' and <= 'D';
    }

    /// <summary>PNC ID format: two-digit year, '/', seven-digit serial, a letter (canonical form from <see cref="Normalise"/>).</summary>
    internal static bool IsValidPnc(string s)
    {
        if (s.Length != 11 || s[2] != '/' || !char.IsAsciiLetterUpper(s[10]))
        {
            return false;
        }

        for (var i = 0; i < 10; i++)
        {
            if (i != 2 && !char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    // 1998/123A and 98/0000123A are the same PNC ID: keep a two-digit year and a seven-digit serial.
    private static string NormalisePnc(string s)
    {
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash is not (2 or 4) || s.Length < slash + 3)
        {
            return s;
        }

        var year = s[(slash - 2)..slash];
        var serial = s[(slash + 1)..^1];
        if (serial.Length is 0 or > 7)
        {
            return s;
        }

        foreach (var c in serial)
        {
            if (!char.IsAsciiDigit(c))
            {
                return s;
            }
        }

        return string.Concat(year, "/", serial.PadLeft(7, '0'), s[^1..]);
    }
}
