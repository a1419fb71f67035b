using GmConnect.Workbench.Geography;

namespace GmConnect.Workbench.Synthetic;

/// <summary>
/// Postcodes for synthetic children: real GM sectors (so in-area and distance measures have something to show) with
/// random unit letters, which may or may not name a real postcode. A child's home is in their own authority; a
/// placement is in the same authority 60% of the time, elsewhere in GM 32% and outside GM 8% (a handful of
/// neighbouring outward codes, not known to the GM sector table). Authorities outside GM get random M postcodes.
/// </summary>
internal sealed class SyntheticPostcodes
{
    private static readonly PostcodeSector[] Gm = [.. PostcodeSectors.Shipped.All.OrderBy(s => s.Sector, StringComparer.Ordinal)];
    private static readonly string[] OutsideGm = ["BB1 1", "CH1 2", "LL11 1", "PR1 3", "WA16 6", "L1 8", "ST5 1", "HX1 2"];
    private readonly PostcodeSector[] _own;

    public SyntheticPostcodes(string authority)
    {
        var ons = GmAuthorities.OnsCode(authority);
        _own = ons is null ? [] : [.. Gm.Where(s => s.LocalAuthority == ons)];
    }

    public string Home(Random random) => _own.Length == 0 ? RandomM(random) : Unit(_own[random.Next(_own.Length)].Sector, random);

    public string Placement(Random random)
    {
        if (_own.Length == 0)
        {
            return RandomM(random);
        }

        var r = random.NextDouble();
        var sector = r < 0.6 ? _own[random.Next(_own.Length)].Sector
            : r < 0.92 ? Gm[random.Next(Gm.Length)].Sector
            : OutsideGm[random.Next(OutsideGm.Length)];
        return Unit(sector, random);
    }

    private static string Unit(string sector, Random random) => $"{sector}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";

    private static string RandomM(Random random) =>
        $"M{random.Next(1, 40)} {random.Next(1, 9)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
}
