using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Measures;

/// <summary>
/// One figure: for an area (an authority, or "GM"), a collection year, a measure and a category within it
/// ("all" when there is no breakdown). <see cref="Base"/> is the number of children the figure rests on.
/// A suppressed value is null and shown as "c", as the DfE does.
/// </summary>
public sealed record MeasureValue(string Area, CollectionYear Year, string Measure, string Category, MeasureKind Kind, double? Value, int Base)
{
    /// <summary>Whether the value was withheld as a small number.</summary>
    public bool Suppressed => Value is null;
}
