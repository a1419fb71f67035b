using System.Diagnostics.CodeAnalysis;

namespace GmConnect.Workbench.Discussion;

/// <summary>
/// What a thread is about: a whole report (<c>report:{id}</c>) or one block of it (<c>report:{id}/block:{blockId}</c>).
/// Access follows the report, so every key names one.
/// </summary>
public sealed record SubjectKey
{
    private const string ReportPrefix = "report:";
    private const string BlockSeparator = "/block:";

    private SubjectKey(string reportId, string? blockId)
    {
        ReportId = reportId;
        BlockId = blockId;
    }

    /// <summary>The report discussed (or whose block is).</summary>
    public string ReportId { get; }

    /// <summary>The block discussed, or null for the report as a whole.</summary>
    public string? BlockId { get; }

    /// <summary>The key of a whole report.</summary>
    public static SubjectKey Report(string reportId)
    {
        Guard(reportId, nameof(reportId));
        return new SubjectKey(reportId, null);
    }

    /// <summary>The key of one block of a report.</summary>
    public static SubjectKey Block(string reportId, string blockId)
    {
        Guard(reportId, nameof(reportId));
        Guard(blockId, nameof(blockId));
        return new SubjectKey(reportId, blockId);
    }

    /// <summary>Reads a key written by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SubjectKey? key)
    {
        key = null;
        if (text is null || !text.StartsWith(ReportPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text[ReportPrefix.Length..];
        var split = rest.IndexOf(BlockSeparator, StringComparison.Ordinal);
        var report = split < 0 ? rest : rest[..split];
        var block = split < 0 ? null : rest[(split + BlockSeparator.Length)..];
        if (!IsPart(report) || (block is not null && !IsPart(block)))
        {
            return false;
        }

        key = new SubjectKey(report, block);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => BlockId is null ? ReportPrefix + ReportId : ReportPrefix + ReportId + BlockSeparator + BlockId;

    // Ids are the reports' own (letters, digits, '-' and '_'), so a key never needs escaping in a URL or a column.
    private static bool IsPart(string part) =>
        part.Length is > 0 and <= 100 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void Guard(string part, string name)
    {
        ArgumentNullException.ThrowIfNull(part, name);
        if (!IsPart(part))
        {
            throw new ArgumentException("An id of 1–100 letters, digits, '-' or '_' is required.", name);
        }
    }
}
