using System.Globalization;
using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>
/// The placement fields the DfE derives from postcodes, per episode row: PL_LA (the placement's upper-tier authority,
/// or SCO/NIR/WAL outside England), PL_LOCATION (IN the return's authority or OUT) and PL_DISTANCE (miles from home to
/// placement). Derived from the national postcode file exactly as the reference validator does; or, where an episodes
/// table already carries the columns (as the reference's own tests give them), read from it.
/// </summary>
public sealed class PlacementGeography
{
    private PlacementGeography(string?[] la, string?[] location, string?[] distance)
    {
        La = la;
        Location = location;
        Distance = distance;
    }

    /// <summary>PL_LA per row; null when not known (no placement postcode, or not in the file).</summary>
    public IReadOnlyList<string?> La { get; }

    /// <summary>PL_LOCATION per row: IN, OUT or null (the placement postcode not found).</summary>
    public IReadOnlyList<string?> Location { get; }

    /// <summary>PL_DISTANCE per row as text (a number of miles to one decimal place when derived), or null.</summary>
    public IReadOnlyList<string?> Distance { get; }

    /// <summary>PL_DISTANCE of a row as a number, or null when blank or not a number.</summary>
    public double? Miles(int row) =>
        Distance[row] is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>Whether the table carries any of the derived columns itself.</summary>
    internal static bool Carried(Ssda903Table episodes) =>
        episodes.HasColumn("PL_LA") || episodes.HasColumn("PL_LOCATION") || episodes.HasColumn("PL_DISTANCE");

    /// <summary>The fields from the postcode file when given, otherwise from the table's own columns.</summary>
    internal static PlacementGeography For(Ssda903Table episodes, PostcodeLookup? postcodes, string? authority) =>
        postcodes is not null && authority is not null ? Derive(episodes, postcodes, authority) : FromColumns(episodes);

    private static PlacementGeography FromColumns(Ssda903Table t)
    {
        string?[] Column(string name) => t.HasColumn(name) ? t.Rows.Select(r => t.Get(r, name)).ToArray() : new string?[t.Count];
        return new PlacementGeography(Column("PL_LA"), Column("PL_LOCATION"), Column("PL_DISTANCE"));
    }

    // As the reference (datastore.py): PL_LA is the placement postcode's upper-tier authority; PL_LOCATION is IN when
    // that is the return's authority, OUT otherwise, and blank when the postcode is not found; a placement whose
    // district is Scottish, Northern Irish or Welsh is SCO, NIR or WAL and OUT; PL_DISTANCE needs both postcodes with
    // grid references.
    /// <summary>Derives the fields of every row of an episodes table from the postcode file, for the authority (ONS code).</summary>
    public static PlacementGeography Derive(Ssda903Table t, PostcodeLookup postcodes, string authority)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(postcodes);
        ArgumentNullException.ThrowIfNull(authority);
        var la = new string?[t.Count];
        var location = new string?[t.Count];
        var distance = new string?[t.Count];
        for (var r = 0; r < t.Count; r++)
        {
            var placed = postcodes.Find(t.Get(r, "PL_POST"));
            if (placed?.District is { } district)
            {
                var country = char.ToUpperInvariant(district[0]) switch { 'S' => "SCO", 'N' => "NIR", 'W' => "WAL", _ => null };
                la[r] = country ?? placed.UpperTier;
                location[r] = country is null && string.Equals(placed.UpperTier, authority, StringComparison.OrdinalIgnoreCase) ? "IN" : "OUT";
            }

            if (placed is { Easting: { } pe, Northing: { } pn } && postcodes.Find(t.Get(r, "HOME_POST")) is { Easting: { } he, Northing: { } hn })
            {
                distance[r] = PostcodeLookup.DistanceMiles(he, hn, pe, pn).ToString("0.0", CultureInfo.InvariantCulture);
            }
        }

        return new PlacementGeography(la, location, distance);
    }
}
