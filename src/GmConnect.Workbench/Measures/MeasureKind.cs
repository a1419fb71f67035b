namespace GmConnect.Workbench.Measures;

/// <summary>What a measure's value is, which decides how it is suppressed.</summary>
public enum MeasureKind
{
    /// <summary>A number of children or events.</summary>
    Count,

    /// <summary>A percentage of <see cref="MeasureValue.Base"/> children.</summary>
    Percent,

    /// <summary>A rate per 10,000 children in the population.</summary>
    Rate,

    /// <summary>An average or median number of days over <see cref="MeasureValue.Base"/> children.</summary>
    Days,
}
