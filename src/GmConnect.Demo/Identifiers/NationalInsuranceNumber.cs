namespace GmConnect.Demo.Identifiers;

/// <summary>
/// The National Insurance number format rules. Validation only (see <see cref="NhsNumber"/>).
/// A NINO has no check digit; its rules are on the two prefix letters and the suffix.
/// </summary>
/// <remarks>
/// Two prefix letters, six digits and a suffix A–D. The first letter is never D, F, I, Q, U or V;
/// the second is never D, F, I, O, Q, U or V; the prefixes BG, GB, KN, NK, NT, TN and ZZ are
/// not allocated. Spaces between the parts are allowed.
/// </remarks>
internal static class NationalInsuranceNumber
{
    private static readonly string[] DisallowedPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

    /// <summary>True when the two letters may start an allocated NINO.</summary>
    public static bool IsAllowedPrefix(char first, char second)
    {
        if (first is < 'A' or > 'Z' || second is < 'A' or > 'Z')
        {
            return false;
        }

        if ("DFIQUV".Contains(first, StringComparison.Ordinal) || "DFIOQUV".Contains(second, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var p in DisallowedPrefixes)
        {
            if (p[0] == first && p[1] == second)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the value (upper case, spaces allowed) is a well-formed NINO.</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> compact = stackalloc char[9];
        var n = 0;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                continue;
            }

            if (n == 9)
            {
                return false;
            }

            compact[n++] = c;
        }

        if (n != 9 || !IsAllowedPrefix(compact[0], compact[1]))
        {
            return false;
        }

        for (var i = 2; i < 8; i++)
        {
            if (compact[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return compact[8] is >= 'A' and <= 'D';
    }
}
