namespace GmConnect.Workbench.Geography;

/// <summary>The ten Greater Manchester authorities by name, DfE LA code and ONS code.</summary>
public static class GmAuthorities
{
    private static readonly (string Name, string Dfe, string Ons)[] All =
    [
        ("Bolton", "350", "E08000001"), ("Bury", "351", "E08000002"), ("Manchester", "352", "E08000003"),
        ("Oldham", "353", "E08000004"), ("Rochdale", "354", "E08000005"), ("Salford", "355", "E08000006"),
        ("Stockport", "356", "E08000007"), ("Tameside", "357", "E08000008"), ("Trafford", "358", "E08000009"),
        ("Wigan", "359", "E08000010"),
    ];

    /// <summary>The ONS code of a GM authority given by name, DfE code or ONS code; null if it is not one of the ten.</summary>
    public static string? OnsCode(string? authority)
    {
        if (string.IsNullOrWhiteSpace(authority))
        {
            return null;
        }

        var key = authority.Trim();
        foreach (var (name, dfe, ons) in All)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase) || key == dfe || key.Equals(ons, StringComparison.OrdinalIgnoreCase))
            {
                return ons;
            }
        }

        return null;
    }
}
