using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GmConnect.Workbench.Discussion;

/// <summary>
/// A comment's text: plain text with a little Markdown (paragraphs, <c>- </c> bullet lists, <c>**bold**</c>,
/// <c>*emphasis*</c>, <c>`code`</c>) and <c>@mentions</c> of practitioners by id. Rendering escapes everything the
/// writer typed first and only then adds the few tags above, so no HTML, script or link a writer types ever reaches
/// the page as markup.
/// </summary>
public static partial class CommentText
{
    /// <summary>The longest comment accepted, in characters.</summary>
    public const int MaxLength = 5_000;

    /// <summary>The handles <c>@mentioned</c> in a text, each once, in the order written (not yet checked against anyone).</summary>
    public static IReadOnlyList<string> Mentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. MentionPattern().Matches(text).Select(m => Handle(m.Groups["mention"].Value)).Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The text as HTML for a page: escaped, with the Markdown above, and each <c>@mention</c> of someone the directory
    /// knows shown as their name; a mention of anyone else stays the plain text the writer typed.
    /// </summary>
    public static string ToHtml(string text, IDiscussionDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(directory);
        var html = new StringBuilder();
        var blocks = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries);
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("* ", StringComparison.Ordinal)))
            {
                html.Append("<ul class=\"govuk-list govuk-list--bullet\">");
                foreach (var line in lines)
                {
                    html.Append("<li>").Append(Inline(line[2..], directory)).Append("</li>");
                }

                html.Append("</ul>");
                continue;
            }

            html.Append("<p class=\"govuk-body\">");
            html.AppendJoin("<br>", lines.Select(l => Inline(l, directory)));
            html.Append("</p>");
        }

        return html.ToString();
    }

    private static string Inline(string text, IDiscussionDirectory directory)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in InlinePattern().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..match.Index]));
            if (match.Groups["code"].Success)
            {
                html.Append("<code>").Append(WebUtility.HtmlEncode(match.Groups["code"].Value)).Append("</code>");
            }
            else if (match.Groups["bold"].Success)
            {
                html.Append("<strong>").Append(Mentions(match.Groups["bold"].Value, directory)).Append("</strong>");
            }
            else if (match.Groups["em"].Success)
            {
                html.Append("<em>").Append(Mentions(match.Groups["em"].Value, directory)).Append("</em>");
            }
            else
            {
                html.Append(Mention(match.Groups["mention"].Value, directory));
            }

            at = match.Index + match.Length;
        }

        html.Append(WebUtility.HtmlEncode(text[at..]));
        return html.ToString();
    }

    private static string Mentions(string text, IDiscussionDirectory directory)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in MentionPattern().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..match.Index])).Append(Mention(match.Groups["mention"].Value, directory));
            at = match.Index + match.Length;
        }

        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    private static string Mention(string written, IDiscussionDirectory directory)
    {
        // "@someone." ends a sentence: the full stop is not part of the handle.
        var handle = Handle(written);
        var trailing = WebUtility.HtmlEncode(written[handle.Length..]);
        return handle.Length > 0 && directory.Find(handle) is { } person
            ? $"<strong class=\"gmc-mention\" data-mention=\"{WebUtility.HtmlEncode(person.Id)}\">@{WebUtility.HtmlEncode(person.Name)}</strong>{trailing}"
            : "@" + WebUtility.HtmlEncode(written);
    }

    private static string Handle(string written) => written.TrimEnd('.', '-', '_');

    [GeneratedRegex(@"(?<![\w@])@(?<mention>[A-Za-z0-9][A-Za-z0-9._-]*)")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`|\*\*(?<bold>[^*\n]+)\*\*|\*(?<em>[^*\s][^*\n]*)\*|(?<![\w@])@(?<mention>[A-Za-z0-9][A-Za-z0-9._-]*)")]
    private static partial Regex InlinePattern();
}
