namespace GmConnect.Workbench.Geography;

/// <summary>
/// One postcode of a national postcode file (ONS NSPL or ONSPD layout): its local authority district (<c>laua</c>),
/// the upper-tier authority it belongs to, and its OS grid reference in metres when the file gives one.
/// </summary>
/// <param name="District">The lower-tier local authority code (<c>laua</c>), or null when the file leaves it blank.</param>
/// <param name="UpperTier">
/// The upper-tier authority: the county (<c>cty</c>, an E10 code) for a district in a two-tier area, otherwise the
/// district itself; null for a district outside England and Wales (the Channel Islands, the Isle of Man) or unknown.
/// </param>
/// <param name="Easting">OS grid easting in metres (<c>oseast1m</c>), or null when the file gives none.</param>
/// <param name="Northing">OS grid northing in metres (<c>osnrth1m</c>), or null when the file gives none.</param>
public sealed record FullPostcode(string? District, string? UpperTier, int? Easting, int? Northing);
