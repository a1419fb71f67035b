namespace GmConnect.Workbench.Reports;

/// <summary>What a block of a report holds.</summary>
public enum ReportBlockKind
{
    /// <summary>A chart from the explorer: a measure, one of its views, the filters and a title.</summary>
    Chart,

    /// <summary>Narrative text, in Markdown.</summary>
    Text,
}
