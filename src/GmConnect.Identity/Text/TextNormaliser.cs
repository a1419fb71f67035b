using System.Globalization;
using System.Text;

namespace GmConnect.Identity.Text;

/// <summary>Applies <see cref="TextTransform"/> chains. Every chain is idempotent: applying it twice gives the same value.</summary>
internal static class TextNormaliser
{
    /// <summary>Applies the transforms in order; returns null when the result is empty.</summary>
    public static string? Apply(string? value, IReadOnlyList<TextTransform> transforms)
    {
        if (value is null)
        {
            return null;
        }

        var s = value;
        foreach (var t in transforms)
        {
            s = Apply(s, t);
            if (s.Length == 0)
            {
                return null;
            }
        }

        s = s.Trim();
        return s.Length == 0 ? null : s;
    }

    public static string Apply(string s, TextTransform transform) => transform switch
    {
        TextTransform.Trim => s.Trim(),
        TextTransform.Lower => s.ToLowerInvariant(),
        TextTransform.Upper => s.ToUpperInvariant(),
        TextTransform.RemoveAccents => RemoveAccents(s),
        TextTransform.StripPunctuation => ReplacePunctuation(s, " "),
        TextTransform.RemovePunctuation => ReplacePunctuation(s, string.Empty),
        TextTransform.CollapseWhitespace => CollapseWhitespace(s),
        TextTransform.RemoveSpaces => RemoveWhitespace(s),
        TextTransform.DigitsOnly => Keep(s, char.IsAsciiDigit),
        TextTransform.FirstToken => FirstToken(s),
        TextTransform.LastToken => LastToken(s),
        TextTransform.SortTokens => SortTokens(s),
        _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown transform."),
    };

    public static string RemoveAccents(string s)
    {
        var ascii = true;
        foreach (var c in s)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (AccentFolding.TryFold(c, out var folded))
            {
                sb.Append(folded);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string ReplacePunctuation(string s, string replacement)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c) || char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(replacement);
            }
        }

        return sb.ToString();
    }

    private static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string RemoveWhitespace(string s) => Keep(s, c => !char.IsWhiteSpace(c));

    private static string Keep(string s, Func<char, bool> keep)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (keep(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string FirstToken(string s)
    {
        var t = s.Trim();
        var i = t.IndexOfAny([' ', '\t']);
        return i < 0 ? t : t[..i];
    }

    private static string LastToken(string s)
    {
        var t = s.Trim();
        var i = t.LastIndexOfAny([' ', '\t']);
        return i < 0 ? t : t[(i + 1)..];
    }

    private static string SortTokens(string s)
    {
        var tokens = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(tokens, StringComparer.Ordinal);
        return string.Join(' ', tokens);
    }
}
