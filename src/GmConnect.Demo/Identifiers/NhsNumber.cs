namespace GmConnect.Demo.Identifiers;

/// <summary>
/// The NHS number check (Modulus 11). Validation only: small and free of generator concerns so
/// that it can move to the Identity component unchanged.
/// </summary>
/// <remarks>
/// Digits 1–9 are weighted 10 down to 2; the check digit is 11 minus the remainder of the sum
/// divided by 11, where 11 becomes 0 and 10 means the nine digits can never form a valid number.
/// </remarks>
internal static class NhsNumber
{
    /// <summary>The check digit for nine leading digits, or -1 when no check digit exists (remainder 10).</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        if (firstNine.Length != 9)
        {
            throw new ArgumentException("An NHS number has nine digits before its check digit.", nameof(firstNine));
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = firstNine[i] - '0';
            if ((uint)d > 9)
            {
                return -1;
            }

            sum += d * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => -1,
            _ => check,
        };
    }

    /// <summary>True when the value is ten digits (spaces allowed between them) whose last digit is the Modulus 11 check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[10];
        var n = 0;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                continue;
            }

            if (c is < '0' or > '9' || n == 10)
            {
                return false;
            }

            digits[n++] = c;
        }

        if (n != 10)
        {
            return false;
        }

        var check = CheckDigit(digits[..9]);
        return check >= 0 && check == digits[9] - '0';
    }
}
