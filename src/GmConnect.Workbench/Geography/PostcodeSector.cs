namespace GmConnect.Workbench.Geography;

/// <summary>
/// A Greater Manchester postcode sector (outward code and the inward code's digit, e.g. <c>M14 5</c>): the mean
/// OS grid reference of its live postcodes and the local authority (ONS code) most of them are in.
/// </summary>
public sealed record PostcodeSector(string Sector, int Easting, int Northing, string LocalAuthority, int Postcodes);
