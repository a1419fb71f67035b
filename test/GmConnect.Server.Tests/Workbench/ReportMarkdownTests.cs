using GmConnect.Server.Workbench.Reports;

namespace GmConnect.Server.Tests.Workbench;

/// <summary>A report's Markdown as HTML: raw HTML never passes through, unsafe links and images do not survive, GOV.UK classes are set.</summary>
public sealed class ReportMarkdownTests
{
    [Fact]
    public void ToHtml_ScriptElement_IsEscapedText()
    {
        var html = ReportMarkdown.ToHtml("Before <script>alert(1)</script> after\n\n<script>\nalert(2)\n</script>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html,hi)")]
    [InlineData("[click](//evil.example/x)")]
    [InlineData("<javascript:alert(1)>")]
    public void ToHtml_UnsafeLink_KeepsTheTextWithoutTheLink(string markdown)
    {
        var html = ReportMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_WebLink_IsAGovukLink()
    {
        Assert.Contains("<a href=\"https://www.gov.uk/\" class=\"govuk-link\">GOV.UK</a>", ReportMarkdown.ToHtml("[GOV.UK](https://www.gov.uk/)"), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Image_BecomesItsAlternativeText()
    {
        var html = ReportMarkdown.ToHtml("![A chart of Bolton](https://tracker.example/pixel.png)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker", html, StringComparison.Ordinal);
        Assert.Contains("A chart of Bolton", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Headings_SitOneLevelUnderTheReportTitle()
    {
        var html = ReportMarkdown.ToHtml("# Summary\n\n## Detail\n\n- one\n- two");

        Assert.Contains("<h2 class=\"govuk-heading-m\">Summary</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3 class=\"govuk-heading-s\">Detail</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"govuk-list govuk-list--bullet\">", html, StringComparison.Ordinal);
    }
}
