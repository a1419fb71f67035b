namespace GmConnect.Workbench.Measures;

/// <summary>
/// Small-number suppression for figures shown outside the authority that owns them: counts of 1–4, and
/// percentages, rates and averages resting on fewer than 5 children (or with a numerator of 1–4), become "c".
/// The viewer's own authority and zeros are shown as they are.
/// </summary>
public static class Suppression
{
    /// <summary>The smallest count shown to other authorities.</summary>
    public const int Threshold = 5;

    /// <summary>Suppresses every figure not owned by <paramref name="viewer"/> (null: suppress all authorities' figures; GM is treated like any area).</summary>
    public static IReadOnlyList<MeasureValue> Apply(IEnumerable<MeasureValue> values, string? viewer)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(v => string.Equals(v.Area, viewer, StringComparison.OrdinalIgnoreCase) || !IsSmall(v) ? v : v with { Value = null }).ToList();
    }

    internal static bool IsSmall(MeasureValue v)
    {
        if (v.Value is not { } value)
        {
            return false;
        }

        return v.Kind switch
        {
            MeasureKind.Count => value is > 0 and < Threshold,
            MeasureKind.Percent => v.Base is > 0 and < Threshold || Math.Round(value * v.Base / 100.0) is > 0 and < Threshold,
            MeasureKind.Rate => v.Base is > 0 and < Threshold,
            _ => v.Base is > 0 and < Threshold,
        };
    }
}
