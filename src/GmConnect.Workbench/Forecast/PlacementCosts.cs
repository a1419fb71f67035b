using GmConnect.Workbench.Measures;

namespace GmConnect.Workbench.Forecast;

/// <summary>
/// Weekly cost of a placement per category, in pounds. Defaults follow the cs-demand-model's standard
/// configuration (per day: fostering about £150, supported about £300, other about £200, residential about £1,000)
/// turned into weeks; authorities should set their own.
/// </summary>
public sealed class PlacementCosts
{
    /// <summary>Fostering (U1–U6), per week. Default £1,050.</summary>
    public decimal Fostering { get; init; } = 1_050m;

    /// <summary>Residential (K2, R1, P3, S1), per week. Default £7,000.</summary>
    public decimal Residential { get; init; } = 7_000m;

    /// <summary>Supported accommodation (H5, K3, P2), per week. Default £2,100.</summary>
    public decimal Supported { get; init; } = 2_100m;

    /// <summary>Everything else (placed with parents, adoption placements, secure, other), per week. Default £1,400.</summary>
    public decimal Other { get; init; } = 1_400m;

    /// <summary>The weekly cost of a category.</summary>
    public decimal Weekly(string category) => category switch
    {
        "Fostering" => Fostering,
        "Residential" => Residential,
        "Supported" => Supported,
        _ => Other,
    };

    /// <summary>Throws when a cost is negative.</summary>
    public PlacementCosts Validate()
    {
        foreach (var c in PlacementCategories.All)
        {
            if (Weekly(c) < 0)
            {
                throw new ArgumentOutOfRangeException(c, Weekly(c), "Placement costs cannot be negative.");
            }
        }

        return this;
    }
}
