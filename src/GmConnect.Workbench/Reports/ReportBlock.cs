using System.Security.Cryptography;

namespace GmConnect.Workbench.Reports;

/// <summary>
/// One block of a report, in order: a chart (the explorer's measure and view, the filters as the explorer's query
/// string, and a title) or a text block (Markdown). The id is made once, when the block is added, and kept across
/// versions, moves and edits, so that whatever refers to a block (a comment thread) still finds it.
/// </summary>
public sealed record ReportBlock
{
    /// <summary>Longest Markdown a text block holds.</summary>
    public const int MaxMarkdownLength = 20_000;

    /// <summary>Longest chart title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The block's id: <c>b</c> and 10 lowercase base-32 characters, unique within its report.</summary>
    public required string Id { get; init; }

    public required ReportBlockKind Kind { get; init; }

    /// <summary>A chart's measure (the explorer's <c>measure</c>).</summary>
    public string? Measure { get; init; }

    /// <summary>A chart's view (the explorer's <c>trend</c>, <c>compare</c> or <c>multiples</c>).</summary>
    public string? View { get; init; }

    /// <summary>
    /// A chart's filters as the explorer's query string without the measure (<c>area=Bolton&amp;year=2025&amp;sex=F</c>),
    /// so the chart is drawn again exactly as it was chosen, and the explorer can open it.
    /// </summary>
    public string? Filters { get; init; }

    /// <summary>A chart's title.</summary>
    public string? Title { get; init; }

    /// <summary>A text block's Markdown.</summary>
    public string? Markdown { get; init; }

    /// <summary>A new chart block with a new id.</summary>
    public static ReportBlock Chart(string measure, string view, string filters, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(measure);
        ArgumentException.ThrowIfNullOrWhiteSpace(view);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new ReportBlock { Id = NewId(), Kind = ReportBlockKind.Chart, Measure = measure, View = view, Filters = filters.TrimStart('?'), Title = Trim(title) };
    }

    /// <summary>A new text block with a new id.</summary>
    public static ReportBlock Text(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return new ReportBlock { Id = NewId(), Kind = ReportBlockKind.Text, Markdown = markdown };
    }

    /// <summary>Whether the block is whole: a chart names measure, view and title; text stays within its length.</summary>
    public bool IsValid() => Kind switch
    {
        ReportBlockKind.Chart => !string.IsNullOrWhiteSpace(Measure) && !string.IsNullOrWhiteSpace(View) && Filters is not null
            && !string.IsNullOrWhiteSpace(Title) && Title.Length <= MaxTitleLength && Markdown is null,
        ReportBlockKind.Text => Markdown is not null && Markdown.Length <= MaxMarkdownLength && Measure is null,
        _ => false,
    } && IsId(Id);

    internal static bool IsId(string? id) => id is { Length: 11 } && id[0] == 'b' && id.Skip(1).All(c => Base32.Contains(c, StringComparison.Ordinal));

    internal static string NewId() => "b" + RandomBase32(10);

    internal static string RandomBase32(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        return string.Create(length, bytes, (span, b) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Base32[b[i] & 31];
            }
        });
    }

    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    private static string Trim(string title) => title.Trim() is { Length: > MaxTitleLength } t ? t[..MaxTitleLength] : title.Trim();
}
