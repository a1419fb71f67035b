using GmConnect.Workbench.Discussion;

namespace GmConnect.Workbench.Tests.Discussion;

public sealed class CommentTextTests
{
    private static readonly FakeReports Directory = new FakeReports().Person("demo-analyst-352", "Demo Analyst (Manchester)");

    [Fact]
    public void ToHtml_HtmlAndScriptTyped_EscapedNeverMarkup()
    {
        var html = CommentText.ToHtml("<script>alert(1)</script> <a href=\"javascript:x\">x</a> & \"q\"", Directory);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp; &quot;q&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_LittleMarkdown_ParagraphsListsBoldEmphasisCode()
    {
        var html = CommentText.ToHtml("First **bold** and *soft*\nsame para `<b>`\n\n- one\n- two", Directory);

        Assert.Equal(
            "<p class=\"govuk-body\">First <strong>bold</strong> and <em>soft</em><br>same para <code>&lt;b&gt;</code></p>" +
            "<ul class=\"govuk-list govuk-list--bullet\"><li>one</li><li>two</li></ul>",
            html);
    }

    [Fact]
    public void ToHtml_KnownMention_ShownAsTheirNameAndTheFullStopKept()
    {
        var html = CommentText.ToHtml("Ask @demo-analyst-352.", Directory);

        Assert.Equal("<p class=\"govuk-body\">Ask <strong class=\"gmc-mention\" data-mention=\"demo-analyst-352\">@Demo Analyst (Manchester)</strong>.</p>", html);
    }

    [Fact]
    public void ToHtml_UnknownMention_PlainTextAsWritten()
    {
        Assert.Equal("<p class=\"govuk-body\">Ask @someone-else or me@example.org</p>", CommentText.ToHtml("Ask @someone-else or me@example.org", Directory));
    }

    [Fact]
    public void Mentions_Text_EachHandleOnceWithoutTrailingPunctuationAndNoEmailAddresses()
    {
        Assert.Equal(["ana", "ben_2"], CommentText.Mentions("@ana, @ben_2. and @ANA again; mail x@ana.org"));
    }
}
