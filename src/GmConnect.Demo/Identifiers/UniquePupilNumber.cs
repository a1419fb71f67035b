namespace GmConnect.Demo.Identifiers;

/// <summary>
/// The DfE Unique Pupil Number check letter. Validation only (see <see cref="NhsNumber"/>).
/// </summary>
/// <remarks>
/// A permanent UPN is a check letter followed by twelve digits: LA number (3), establishment
/// number (4), the last two digits of the allocation year (2) and a serial (3). The check letter
/// is the sum of each digit times its character position (2 to 13), modulo 23, written with the
/// alphabet without I, O and S. A temporary UPN ends in a letter instead of the last digit; that
/// letter counts as its index in the same alphabet.
/// </remarks>
internal static class UniquePupilNumber
{
    /// <summary>The 23 letters used for check and temporary characters: A–Z without I, O and S.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>The check letter for characters 2–13, or '\0' when they are not well formed.</summary>
    public static char CheckLetter(ReadOnlySpan<char> lastTwelve)
    {
        if (lastTwelve.Length != 12)
        {
            throw new ArgumentException("A UPN has twelve characters after its check letter.", nameof(lastTwelve));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = lastTwelve[i];
            int value;
            if (c is >= '0' and <= '9')
            {
                value = c - '0';
            }
            else if (i == 11 && Alphabet.Contains(c, StringComparison.Ordinal))
            {
                value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            }
            else
            {
                return '\0';
            }

            sum += value * (i + 2);
        }

        return Alphabet[sum % 23];
    }

    /// <summary>True when the value is a 13-character UPN (permanent or temporary) with the right check letter.</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length != 13)
        {
            return false;
        }

        var expected = CheckLetter(value[1..]);
        return expected != '\0' && value[0] == expected;
    }
}
