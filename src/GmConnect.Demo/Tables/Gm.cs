namespace GmConnect.Demo.Tables;

/// <summary>
/// The ten Greater Manchester authorities: DfE LA code, name, the ODS prefix of their GP practice
/// codes and the ODS code of the acute trust that serves most residents.
/// </summary>
internal static class Gm
{
    public static readonly (int Code, string Name, string GpPrefix, string AcuteTrust)[] Authorities =
    [
        (350, "Bolton", "P82", "RMC"),
        (351, "Bury", "P83", "RM3"),
        (352, "Manchester", "P84", "R0A"),
        (353, "Oldham", "P85", "RM3"),
        (354, "Rochdale", "P86", "RM3"),
        (355, "Salford", "P87", "RM3"),
        (356, "Stockport", "P88", "RWJ"),
        (357, "Tameside", "P89", "RMP"),
        (358, "Trafford", "P91", "R0A"),
        (359, "Wigan", "P92", "RRF"),
    ];

    /// <summary>Post town of a postcode area, for the last address line.</summary>
    public static string PostTown(string postcode) => postcode[..postcode.IndexOf(' ', StringComparison.Ordinal)] switch
    {
        "BL8" or "BL9" => "Bury",
        "OL10" => "Heywood",
        "OL11" or "OL12" or "OL16" => "Rochdale",
        "OL6" or "OL7" => "Ashton-under-Lyne",
        "WA14" or "WA15" => "Altrincham",
        "WN7" => "Leigh",
        "M5" or "M6" or "M7" => "Salford",
        "M33" => "Sale",
        var d when d.StartsWith("BL", StringComparison.Ordinal) => "Bolton",
        var d when d.StartsWith("OL", StringComparison.Ordinal) => "Oldham",
        var d when d.StartsWith("SK", StringComparison.Ordinal) => "Stockport",
        var d when d.StartsWith("WN", StringComparison.Ordinal) => "Wigan",
        var d when d.StartsWith("WA", StringComparison.Ordinal) => "Warrington",
        _ => "Manchester",
    };
}
