using System.Globalization;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Geography;

/// <summary>
/// The national full-postcode file the DfE placement fields are derived from (PL_LA, PL_LOCATION, PL_DISTANCE), in the
/// public layout of the ONS National Statistics Postcode Lookup (NSPL) or ONS Postcode Directory: a CSV with a header
/// naming at least <c>pcd</c> (or <c>pcds</c>), <c>laua</c> (or <c>oslaua</c>), <c>oseast1m</c> and <c>osnrth1m</c>,
/// and optionally <c>cty</c> (or <c>oscty</c>, <c>utla</c>) for the county of a district in a two-tier area. Other
/// columns are ignored, so the full file or a cut-down one with these columns both load. The file is not shipped:
/// the user supplies it (see the Workbench README).
/// </summary>
public sealed class PostcodeLookup
{
    private readonly Dictionary<string, FullPostcode> _postcodes;

    private PostcodeLookup(Dictionary<string, FullPostcode> postcodes) => _postcodes = postcodes;

    /// <summary>How many postcodes were kept.</summary>
    public int Count => _postcodes.Count;

    /// <summary>The postcode's entry, or null when the file does not have it (spaces and case ignored).</summary>
    public FullPostcode? Find(string? postcode) =>
        Normalise(postcode) is { } key && _postcodes.TryGetValue(key, out var found) ? found : null;

    /// <summary>A postcode upper-cased with its spaces removed (the key the reference validator joins on), or null when blank.</summary>
    public static string? Normalise(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[Math.Min(postcode.Length, 64)];
        var n = 0;
        foreach (var c in postcode)
        {
            if (!char.IsWhiteSpace(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>
    /// The DfE placement distance in miles between two OS grid references, as the guidance and the reference validator
    /// compute it: √(ΔE² + ΔN²) / 1000 / 1.6093, rounded to one decimal place with halves to even (as NumPy rounds).
    /// </summary>
    public static double DistanceMiles(int fromEasting, int fromNorthing, int toEasting, int toNorthing)
    {
        double de = fromEasting - toEasting, dn = fromNorthing - toNorthing;
        return Math.Round(Math.Sqrt((de * de) + (dn * dn)) / 1000 / 1.6093 * 10, MidpointRounding.ToEven) / 10;
    }

    /// <summary>
    /// Reads a postcode file. With <paramref name="keep"/>, only those postcodes (normalised) are held, so a national
    /// file of 2.7 million rows costs the memory of the postcodes a return uses. Problems (a missing column, a grid
    /// reference that is not a whole number) are reported with the file's line number; any problem means no lookup.
    /// </summary>
    public static LookupLoadResult<PostcodeLookup> Load(TextReader reader, string fileName, IReadOnlySet<string>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<LookupFileError>();
        using var records = Csv.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new(fileName, 1, "the file is empty; expected a header with pcd, laua, oseast1m and osnrth1m"));
            return new(null, errors);
        }

        var header = records.Current.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int Column(params string[] names) => names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
        var pcd = Column("pcd", "pcds", "pcd2", "postcode");
        var laua = Column("laua", "oslaua", "lad", "ltla");
        var east = Column("oseast1m");
        var north = Column("osnrth1m");
        var county = Column("utla", "cty", "oscty");
        var missing = new[] { ("pcd", pcd), ("laua", laua), ("oseast1m", east), ("osnrth1m", north) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(fileName, 1, $"the header has no {string.Join(", ", missing)} column (a postcode file in the ONS NSPL or ONSPD layout is expected)"));
            return new(null, errors);
        }

        var postcodes = new Dictionary<string, FullPostcode>(keep?.Count ?? 1 << 16, StringComparer.Ordinal);
        var line = 1;
        while (records.MoveNext())
        {
            line++;
            var row = records.Current;
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Count < header.Count)
            {
                errors.Add(new(fileName, line, $"{row.Count} columns where the header has {header.Count}"));
                continue;
            }

            var key = Normalise(row[pcd]);
            if (key is null)
            {
                errors.Add(new(fileName, line, "the postcode (pcd) is blank"));
                continue;
            }

            if (keep is not null && !keep.Contains(key))
            {
                continue;
            }

            var e = GridReference(row[east], "oseast1m", fileName, line, errors);
            var n = GridReference(row[north], "osnrth1m", fileName, line, errors);
            var district = Blank(row[laua]);
            postcodes.TryAdd(key, new FullPostcode(district, UpperTier(district, county >= 0 ? Blank(row[county]) : null), e, n));
            if (errors.Count >= 20)
            {
                break;
            }
        }

        return errors.Count > 0 ? new(null, errors) : new(new PostcodeLookup(postcodes), errors);
    }

    /// <summary>Reads a postcode file from disk (see <see cref="Load(TextReader, string, IReadOnlySet{string})"/>).</summary>
    public static LookupLoadResult<PostcodeLookup> Load(string path, IReadOnlySet<string>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Load(reader, Path.GetFileName(path), keep);
    }

    // The upper tier as the reference's district-to-upper-tier table gives it: a county (E10) where the district is in
    // one; the district itself for unitary, metropolitan and London authorities and for Wales; none for a code
    // outside England and Wales (L99999999, M99999999) or for a Scottish or Northern Irish district, which the
    // placement fields report by country instead.
    private static string? UpperTier(string? district, string? county) =>
        county is { } c && c.StartsWith("E10", StringComparison.OrdinalIgnoreCase) ? c.ToUpperInvariant()
        : district is { Length: > 0 } d && char.ToUpperInvariant(d[0]) is 'E' or 'W' ? d.ToUpperInvariant()
        : null;

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? GridReference(string value, string column, string fileName, int line, List<LookupFileError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var metres))
        {
            return metres;
        }

        errors.Add(new(fileName, line, $"{column} is not a whole number of metres"));
        return null;
    }
}
