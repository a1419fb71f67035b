using System.Text;

namespace GmConnect.Identity.Text;

/// <summary>
/// Phonetic codes for names, implemented here from their published rules: American Soundex and
/// NYSIIS (New York State Identification and Intelligence System). Input is any string; letters
/// outside A–Z are ignored. The empty string codes to the empty string.
/// </summary>
internal static class Phonetic
{
    /// <summary>American Soundex: first letter and three digits, e.g. Robert → R163, Tymczak → T522.</summary>
    public static string Soundex(string value)
    {
        Span<char> code = stackalloc char[4];
        var n = 0;
        var last = '\0';
        foreach (var raw in value)
        {
            var c = char.ToUpperInvariant(raw);
            if (c < 'A' || c > 'Z')
            {
                continue;
            }

            var digit = SoundexDigit(c);
            if (n == 0)
            {
                code[n++] = c;
                last = digit;
                continue;
            }

            if (digit == '0')
            {
                // Vowels separate equal codes; H and W do not.
                if (c != 'H' && c != 'W')
                {
                    last = '0';
                }

                continue;
            }

            if (digit != last)
            {
                code[n++] = digit;
                if (n == 4)
                {
                    break;
                }
            }

            last = digit;
        }

        if (n == 0)
        {
            return string.Empty;
        }

        while (n < 4)
        {
            code[n++] = '0';
        }

        return new string(code);
    }

    private static char SoundexDigit(char c) => c switch
    {
        'B' or 'F' or 'P' or 'V' => '1',
        'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z' => '2',
        'D' or 'T' => '3',
        'L' => '4',
        'M' or 'N' => '5',
        'R' => '6',
        _ => '0',
    };

    /// <summary>NYSIIS code (original algorithm, not truncated), e.g. Macintosh → MCANT, Knight → NAGT.</summary>
    public static string Nysiis(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var raw in value)
        {
            var c = char.ToUpperInvariant(raw);
            if (c >= 'A' && c <= 'Z')
            {
                sb.Append(c);
            }
        }

        if (sb.Length == 0)
        {
            return string.Empty;
        }

        var name = sb.ToString();
        name = ReplacePrefix(name, "MAC", "MCC");
        name = ReplacePrefix(name, "KN", "NN");
        name = ReplacePrefix(name, "K", "C");
        name = ReplacePrefix(name, "PH", "FF");
        name = ReplacePrefix(name, "PF", "FF");
        name = ReplacePrefix(name, "SCH", "SSS");
        name = ReplaceSuffix(name, "EE", "Y");
        name = ReplaceSuffix(name, "IE", "Y");
        foreach (var suffix in (ReadOnlySpan<string>)["DT", "RT", "RD", "NT", "ND"])
        {
            name = ReplaceSuffix(name, suffix, "D");
        }

        var chars = name.ToCharArray();
        var key = new StringBuilder(chars.Length);
        key.Append(chars[0]);
        for (var i = 1; i < chars.Length; i++)
        {
            var c = chars[i];
            var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
            string replacement;
            if (c == 'E' && next == 'V')
            {
                replacement = "AF";
            }
            else if (IsVowel(c))
            {
                replacement = "A";
            }
            else if (c == 'Q')
            {
                replacement = "G";
            }
            else if (c == 'Z')
            {
                replacement = "S";
            }
            else if (c == 'M')
            {
                replacement = "N";
            }
            else if (c == 'K')
            {
                replacement = next == 'N' ? "N" : "C";
            }
            else if (c == 'S' && next == 'C' && i + 2 < chars.Length && chars[i + 2] == 'H')
            {
                replacement = "SSS";
            }
            else if (c == 'P' && next == 'H')
            {
                replacement = "FF";
            }
            else if (c == 'H' && (!IsVowel(chars[i - 1]) || (next != '\0' && !IsVowel(next))))
            {
                replacement = chars[i - 1].ToString();
            }
            else if (c == 'W' && IsVowel(chars[i - 1]))
            {
                replacement = chars[i - 1].ToString();
            }
            else
            {
                replacement = c.ToString();
            }

            // Write the replacement over the source so that later rules see the rewritten letters.
            for (var r = 0; r < replacement.Length && i + r < chars.Length; r++)
            {
                chars[i + r] = replacement[r];
            }

            var emitted = chars[i];
            if (key[^1] != emitted)
            {
                key.Append(emitted);
            }
        }

        if (key.Length > 1 && key[^1] == 'S')
        {
            key.Length--;
        }

        if (key.Length > 2 && key[^2] == 'A' && key[^1] == 'Y')
        {
            key.Remove(key.Length - 2, 1);
        }

        if (key.Length > 1 && key[^1] == 'A')
        {
            key.Length--;
        }

        return key.ToString();
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';

    private static string ReplacePrefix(string s, string prefix, string replacement) =>
        s.StartsWith(prefix, StringComparison.Ordinal) ? replacement + s[prefix.Length..] : s;

    private static string ReplaceSuffix(string s, string suffix, string replacement) =>
        s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] + replacement : s;
}
