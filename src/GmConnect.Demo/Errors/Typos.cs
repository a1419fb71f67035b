using System.Text;
using GmConnect.Demo.Randomness;

namespace GmConnect.Demo.Errors;

/// <summary>Keyboard slips: a neighbouring key, a dropped, doubled or transposed letter.</summary>
internal static class Typos
{
    private static readonly string[] Neighbours = BuildNeighbours();

    /// <summary>A copy of <paramref name="word"/> with one slip, or the word itself when it is too short to damage.</summary>
    public static string Apply(string word, ref Prng rng)
    {
        if (word.Length < 3)
        {
            return word;
        }

        var sb = new StringBuilder(word);
        var i = 1 + rng.Next(word.Length - 1); // keep the first letter: most slips are not there
        var op = rng.Next(100);
        if (op < 35)
        {
            var c = word[i];
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z')
            {
                var near = Neighbours[lower - 'a'];
                var replacement = near[rng.Next(near.Length)];
                sb[i] = char.IsUpper(c) ? char.ToUpperInvariant(replacement) : replacement;
            }
            else
            {
                sb.Remove(i, 1);
            }
        }
        else if (op < 60)
        {
            sb.Remove(i, 1);
        }
        else if (op < 80)
        {
            sb.Insert(i, word[i]);
        }
        else if (i < word.Length - 1 && word[i] != word[i + 1])
        {
            (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
        }
        else
        {
            (sb[i - 1], sb[i]) = (sb[i], sb[i - 1]);
            if (i - 1 == 0)
            {
                sb[0] = char.ToUpperInvariant(sb[0]);
                sb[1] = char.ToLowerInvariant(sb[1]);
            }
        }

        var result = sb.ToString();
        return string.Equals(result, word, StringComparison.Ordinal) ? word + word[^1] : result;
    }

    private static string[] BuildNeighbours()
    {
        string[] rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
        var result = new string[26];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var sb = new StringBuilder();
                if (c > 0)
                {
                    sb.Append(rows[r][c - 1]);
                }

                if (c < rows[r].Length - 1)
                {
                    sb.Append(rows[r][c + 1]);
                }

                foreach (var other in new[] { r - 1, r + 1 })
                {
                    if (other >= 0 && other < rows.Length && c < rows[other].Length)
                    {
                        sb.Append(rows[other][c]);
                    }
                }

                result[rows[r][c] - 'a'] = sb.ToString();
            }
        }

        return result;
    }
}
