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
    public static string? Normalise(string? postcode) => string.IsNullOrWhiteSpace(postcode) ? null : Normalise(postcode.AsSpan());

    private static string? Normalise(ReadOnlySpan<char> postcode)
    {
        if (postcode.IsWhiteSpace())
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
        var headerLine = reader.ReadLine();
        if (headerLine is null)
        {
            errors.Add(new(fileName, 1, "the file is empty; expected a header with pcd, laua, oseast1m and osnrth1m"));
            return new(null, errors);
        }

        var header = Csv.Read(new StringReader(headerLine)).First().Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int Column(params string[] names) => names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
        // NSPL / ONSPD names first, then OS Code-Point Open's.
        var pcd = Column("pcd", "pcds", "pcd2", "postcode");
        var laua = Column("laua", "oslaua", "lad", "ltla", "admin_district_code");
        var east = Column("oseast1m", "eastings");
        var north = Column("osnrth1m", "northings");
        var county = Column("utla", "cty", "oscty", "admin_county_code");
        var missing = new[] { ("pcd", pcd), ("laua", laua), ("oseast1m", east), ("osnrth1m", north) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(fileName, 1, $"the header has no {string.Join(", ", missing)} column (a postcode file in the ONS NSPL or ONSPD layout, or OS Code-Point Open with its header, is expected)"));
            return new(null, errors);
        }

        // The national file has millions of rows and dozens of columns: each line is split in place and only the
        // columns used become strings.
        var postcodes = new Dictionary<string, FullPostcode>(keep?.Count ?? 1 << 16, StringComparer.Ordinal);
        var cells = new (int Start, int Length)[header.Count];
        var line = 1;
        string? text;
        while ((text = reader.ReadLine()) is not null && errors.Count < 20)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var count = Split(text, cells);
            if (count != header.Count)
            {
                errors.Add(new(fileName, line, count < 0 ? "a quoted field is not closed on its line" : $"{count} columns where the header has {header.Count}"));
                continue;
            }

            var key = Normalise(Cell(text, cells[pcd]));
            if (key is null)
            {
                errors.Add(new(fileName, line, "the postcode is blank"));
                continue;
            }

            // Every row's grid reference is checked, kept or not: a broken file is reported whichever postcodes it is asked for.
            var e = GridReference(Cell(text, cells[east]), header[east], fileName, line, errors);
            var n = GridReference(Cell(text, cells[north]), header[north], fileName, line, errors);
            if ((keep is not null && !keep.Contains(key)) || postcodes.ContainsKey(key))
            {
                continue;
            }

            var district = Blank(Cell(text, cells[laua]));
            postcodes[key] = new FullPostcode(district, UpperTier(district, county >= 0 ? Blank(Cell(text, cells[county])) : null), e, n);
        }

        return errors.Count > 0 ? new(null, errors) : new(new PostcodeLookup(postcodes), errors);
    }

    // Splits one CSV line into cells (quotes stripped, a doubled quote inside a quoted cell left doubled: the columns
    // read here never hold one); the number of cells, or -1 when a quote is not closed. Extra cells are counted, not kept.
    private static int Split(string text, (int Start, int Length)[] cells)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            int start, length;
            if (i < text.Length && text[i] == '"')
            {
                var close = i + 1;
                while (true)
                {
                    close = text.IndexOf('"', close);
                    if (close < 0)
                    {
                        return -1;
                    }

                    if (close + 1 < text.Length && text[close + 1] == '"')
                    {
                        close += 2;
                        continue;
                    }

                    break;
                }

                start = i + 1;
                length = close - start;
                i = close + 1;
                var comma = text.IndexOf(',', i);
                i = comma < 0 ? text.Length : comma;
            }
            else
            {
                var comma = text.IndexOf(',', i);
                start = i;
                length = (comma < 0 ? text.Length : comma) - i;
                i = comma < 0 ? text.Length : comma;
            }

            if (count < cells.Length)
            {
                cells[count] = (start, length);
            }

            count++;
            if (i >= text.Length)
            {
                return count;
            }

            i++; // past the comma
        }
    }

    private static ReadOnlySpan<char> Cell(string text, (int Start, int Length) cell) => text.AsSpan(cell.Start, cell.Length);

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

    private static string? Blank(ReadOnlySpan<char> value) => value.IsWhiteSpace() ? null : value.Trim().ToString();

    private static int? GridReference(ReadOnlySpan<char> value, string column, string fileName, int line, List<LookupFileError> errors)
    {
        if (value.IsWhiteSpace())
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
