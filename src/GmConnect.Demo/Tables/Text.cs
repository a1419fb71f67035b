using System.Text;

namespace GmConnect.Demo.Tables;

/// <summary>Small text helpers for names.</summary>
internal static class Text
{
    /// <summary>"o'brien" → "O'Brien", "smith-jones" → "Smith-Jones", "ka wai" → "Ka Wai".</summary>
    public static string TitleCase(string lower)
    {
        var sb = new StringBuilder(lower.Length);
        var upperNext = true;
        foreach (var c in lower)
        {
            sb.Append(upperNext ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upperNext = c is ' ' or '-' or '\'';
        }

        return sb.ToString();
    }
}
