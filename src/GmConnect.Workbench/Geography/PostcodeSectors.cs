using System.Globalization;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Geography;

/// <summary>
/// Where a 903 postcode is, at sector level: returns carry full postcodes or, once degraded as LIIA does, only the
/// sector (<c>M14 5</c>), so the sector is what both have. The shipped table covers the 437 GM sectors (derived from
/// OS Code-Point Open; see Geography/README.md); a postcode outside GM is not known here, so its distance and
/// authority are not known either — never guessed.
/// </summary>
public sealed class PostcodeSectors
{
    private readonly Dictionary<string, PostcodeSector> _sectors;

    private PostcodeSectors(Dictionary<string, PostcodeSector> sectors) => _sectors = sectors;

    /// <summary>The shipped GM table.</summary>
    public static PostcodeSectors Shipped { get; } = LoadShipped();

    /// <summary>The number of sectors known.</summary>
    public int Count => _sectors.Count;

    /// <summary>Every sector known.</summary>
    public IEnumerable<PostcodeSector> All => _sectors.Values;

    /// <summary>The sector of a postcode (full or sector only), or null when it is not known here.</summary>
    public PostcodeSector? Find(string? postcode) =>
        SectorOf(postcode) is { } sector && _sectors.TryGetValue(sector, out var found) ? found : null;

    /// <summary>
    /// The sector written <c>OUTWARD D</c> for a full postcode (<c>M14 5XY</c>, <c>m145xy</c>) or a sector
    /// (<c>M14 5</c>), or null when the text is neither.
    /// </summary>
    public static string? SectorOf(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var text = postcode.Trim().ToUpperInvariant();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        string outward;
        char digit;
        if (space > 0)
        {
            outward = text[..space];
            var inward = text[(space + 1)..].Trim();
            if (inward.Length is not (1 or 3) || !char.IsAsciiDigit(inward[0]))
            {
                return null;
            }

            digit = inward[0];
        }
        else if (text.Length >= 5 && char.IsAsciiDigit(text[^3]) && char.IsAsciiLetter(text[^2]) && char.IsAsciiLetter(text[^1]))
        {
            outward = text[..^3];
            digit = text[^3];
        }
        else if (text.Length >= 3 && char.IsAsciiDigit(text[^1]))
        {
            outward = text[..^1];
            digit = text[^1];
        }
        else
        {
            return null;
        }

        return outward.Length is >= 2 and <= 4 && char.IsAsciiLetter(outward[0]) && outward.All(char.IsAsciiLetterOrDigit)
            ? outward + " " + digit
            : null;
    }

    /// <summary>
    /// The DfE placement distance in miles between two sectors, from their grid references by the one formula the
    /// validation rules use too (<see cref="PostcodeLookup.DistanceMiles"/>).
    /// </summary>
    public static double DistanceMiles(PostcodeSector from, PostcodeSector to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return PostcodeLookup.DistanceMiles(from.Easting, from.Northing, to.Easting, to.Northing);
    }

    private static PostcodeSectors LoadShipped()
    {
        using var stream = typeof(PostcodeSectors).Assembly.GetManifestResourceStream("Geography.gm_postcode_sectors.csv")
            ?? throw new InvalidOperationException("Embedded postcode sector table is missing.");
        using var reader = new StreamReader(stream);
        var sectors = new Dictionary<string, PostcodeSector>(StringComparer.Ordinal);
        foreach (var r in Csv.Read(reader).Skip(1))
        {
            var c = CultureInfo.InvariantCulture;
            sectors[r[0]] = new PostcodeSector(r[0], int.Parse(r[1], c), int.Parse(r[2], c), r[3], int.Parse(r[4], c));
        }

        return new PostcodeSectors(sectors);
    }
}
