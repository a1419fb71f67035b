namespace GmConnect.Workbench.Measures;

/// <summary>The placement groupings the demand models use: Fostering U1–U6; Residential K2, R1, P3, S1; Supported H5, K3, P2; Other.</summary>
public static class PlacementCategories
{
    /// <summary>Every category, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = ["Fostering", "Residential", "Supported", "Other"];

    /// <summary>The category of a placement code.</summary>
    public static string Of(string? place) => place switch
    {
        "U1" or "U2" or "U3" or "U4" or "U5" or "U6" => "Fostering",
        "K2" or "R1" or "P3" or "S1" => "Residential",
        "H5" or "K3" or "P2" => "Supported",
        _ => "Other",
    };
}
