using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GmConnect.Server.Workbench.Reports;

/// <summary>
/// A text block's Markdown as HTML that is safe on the page and in the exports: raw HTML is shown as text (never
/// passed through), links go only to http(s), mailto or this exchange's own paths (others become their text), images
/// become their alternative text (an export makes no requests), and headings sit one level under the report's title.
/// GOV.UK classes are set on the elements, so text blocks look like the rest of the page.
/// </summary>
internal static class ReportMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            image.ReplaceBy(new LiteralInline(Text(image)));
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafe(link.Url))
            {
                link.GetAttributes().AddClass("govuk-link");
            }
            else
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail || IsSafe(autolink.Url))
            {
                autolink.GetAttributes().AddClass("govuk-link");
            }
            else
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        foreach (var block in document.Descendants())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    heading.Level = Math.Min(6, heading.Level + 1);
                    heading.GetAttributes().AddClass(heading.Level == 2 ? "govuk-heading-m" : "govuk-heading-s");
                    break;
                case ParagraphBlock paragraph:
                    paragraph.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock list:
                    list.GetAttributes().AddClass(list.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
                    break;
                case QuoteBlock quote:
                    quote.GetAttributes().AddClass("govuk-inset-text");
                    break;
                case Table table:
                    table.GetAttributes().AddClass("govuk-table");
                    break;
                case ThematicBreakBlock rule:
                    rule.GetAttributes().AddClass("govuk-section-break govuk-section-break--m govuk-section-break--visible");
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Links allowed out of a report: the web and mail, or a path on this exchange (not <c>//host</c>), or an anchor.</summary>
    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var u = url.Trim();
        return u.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || u.StartsWith('#')
            || (u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal));
    }

    private static void Unwrap(ContainerInline link)
    {
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }

    private static string Text(ContainerInline inline) =>
        string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
