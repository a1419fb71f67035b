using System.Globalization;

namespace GmConnect.Identity.Linkage.Blocking;

/// <summary>
/// One part of a blocking rule: a comparison's prepared value, optionally through a function:
/// <c>surname</c>, <c>first(surname,3)</c>, <c>last(postcode,3)</c>, <c>soundex(surname)</c>,
/// <c>nysiis(given_name)</c>, <c>year(date_of_birth)</c>, <c>month_day(date_of_birth)</c>, and over two comparisons
/// <c>sorted_soundex(given_name,family_name)</c> (the two Soundex codes in sorted order, so that a record whose
/// given and family names are swapped has the same key). <c>missing(date_of_birth)</c> is a condition, not a key:
/// the rule pairs records of one block only when either lacks that value.
/// </summary>
internal sealed record BlockingKey(string Comparison, BlockingFunction Function, int Length, string? Second = null)
{
    /// <summary>The comparisons the key reads.</summary>
    public IEnumerable<string> Comparisons => Second is null ? [Comparison] : [Comparison, Second];

    public static bool TryParse(string text, out BlockingKey? key, out string? error)
    {
        key = null;
        error = null;
        var s = text.Trim();
        var open = s.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            key = new BlockingKey(s, BlockingFunction.Value, 0);
            return s.Length > 0 || Fail("an empty key", out error);
        }

        if (!s.EndsWith(')'))
        {
            return Fail($"'{text}' has no closing parenthesis", out error);
        }

        var name = s[..open].Trim();
        var args = s[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        var function = name switch
        {
            "first" => BlockingFunction.First,
            "last" => BlockingFunction.Last,
            "soundex" => BlockingFunction.Soundex,
            "nysiis" => BlockingFunction.Nysiis,
            "year" => BlockingFunction.Year,
            "month_day" => BlockingFunction.MonthDay,
            "sorted_soundex" => BlockingFunction.SortedSoundex,
            "missing" => BlockingFunction.Missing,
            _ => (BlockingFunction?)null,
        };
        if (function is null)
        {
            return Fail($"unknown function '{name}' (expected first, last, soundex, nysiis, year, month_day, sorted_soundex or missing)", out error);
        }

        if (function == BlockingFunction.SortedSoundex)
        {
            if (args.Length != 2 || args[0].Length == 0 || args[1].Length == 0)
            {
                return Fail($"{name}(comparison, comparison) takes two comparisons", out error);
            }

            key = new BlockingKey(args[0], function.Value, 0, args[1]);
            return true;
        }

        var needsLength = function is BlockingFunction.First or BlockingFunction.Last;
        if (args.Length != (needsLength ? 2 : 1) || args[0].Length == 0)
        {
            return Fail(needsLength ? $"{name}(comparison, length) takes two arguments" : $"{name}(comparison) takes one argument", out error);
        }

        var length = 0;
        if (needsLength && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out length) || length < 1))
        {
            return Fail($"the length in '{text}' must be a positive integer", out error);
        }

        key = new BlockingKey(args[0], function.Value, length);
        return true;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
