namespace GmConnect.Workbench.Reports;

/// <summary>What became of a change asked of the report library (expected failures are outcomes, not exceptions).</summary>
public enum ReportOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>No such report, or the asker may not see it (the two are not told apart).</summary>
    NotFound,

    /// <summary>The asker may read the report but only its owner may change it.</summary>
    Forbidden,

    /// <summary>Nothing to do: saving a draft equal to the latest version, or a share already there.</summary>
    Unchanged,

    /// <summary>The request was not well formed (an empty title, a block too long, sharing with oneself…).</summary>
    Invalid,

    /// <summary>Someone saved in between (the latest version moved); reload and try again.</summary>
    Conflict,
}
