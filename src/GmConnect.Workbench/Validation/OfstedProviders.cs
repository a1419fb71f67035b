using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>
/// Ofsted's provider lists, which the URN rules check episodes against: the children's homes list and the social care
/// providers list (current and closed), or the combined list, each saved as CSV. A file needs a header naming (case
/// aside) <c>URN</c>, the placement codes (<c>Placement code</c> or <c>Provider Placement Code</c>), the provider codes
/// (<c>Placement provider code</c> or <c>Provider Code</c>) and the setting's postcode (<c>Setting address postcode</c>
/// or <c>Setting Postcode</c>); a registration end (<c>Deregistration date</c> or <c>Closed Date</c>, DD/MM/YYYY or
/// ISO) is read when the file has one. Codes are separated by <c>,</c> or <c>/</c>. A URN may have several rows (a
/// provider closed and registered again); the rules look at each, as the reference validator does.
/// </summary>
public sealed class OfstedProviders
{
    private readonly Dictionary<string, OfstedProvider[]> _byUrn;

    private OfstedProviders(Dictionary<string, OfstedProvider[]> byUrn) => _byUrn = byUrn;

    /// <summary>How many URNs the lists hold.</summary>
    public int Count => _byUrn.Count;

    /// <summary>Every provider postcode given (normalised).</summary>
    public IEnumerable<string> Postcodes => _byUrn.Values.SelectMany(ps => ps).Select(p => p.Postcode).OfType<string>();

    /// <summary>The rows of a URN (case and surrounding spaces ignored); empty when the lists do not have it.</summary>
    public IReadOnlyList<OfstedProvider> Find(string? urn) =>
        urn is not null && _byUrn.TryGetValue(urn.Trim().ToUpperInvariant(), out var found) ? found : [];

    /// <summary>Builds the lists from provider rows (for tests and callers that read the lists themselves).</summary>
    public static OfstedProviders From(IEnumerable<OfstedProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        return new OfstedProviders(providers.GroupBy(p => p.Urn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Reads one or more provider list files; any problem in any file (with its line) means no lists.</summary>
    public static LookupLoadResult<OfstedProviders> Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<OfstedProvider>();
        var errors = new List<LookupFileError>();
        foreach (var path in paths)
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            Read(reader, Path.GetFileName(path), all, errors);
        }

        return errors.Count > 0 ? new(null, errors) : new(From(all), errors);
    }

    /// <summary>Reads one provider list from a reader (see the class remarks for the columns).</summary>
    public static LookupLoadResult<OfstedProviders> Load(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var all = new List<OfstedProvider>();
        var errors = new List<LookupFileError>();
        Read(reader, fileName, all, errors);
        return errors.Count > 0 ? new(null, errors) : new(From(all), errors);
    }

    private static void Read(TextReader reader, string fileName, List<OfstedProvider> into, List<LookupFileError> errors)
    {
        using var records = Csv.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new(fileName, 1, "the file is empty; expected a header with URN, placement codes, provider codes and setting postcode"));
            return;
        }

        var header = records.Current.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int Column(params string[] names) => names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
        var urn = Column("urn");
        var place = Column("placement code", "provider placement code");
        var provider = Column("placement provider code", "provider code");
        var postcode = Column("setting address postcode", "setting postcode");
        var end = Column("deregistration date", "closed date");
        var missing = new[] { ("URN", urn), ("Placement code", place), ("Placement provider code", provider), ("Setting address postcode", postcode) }
            .Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(fileName, 1, $"the header has no {string.Join(", ", missing)} column (an Ofsted provider list saved as CSV is expected)"));
            return;
        }

        var line = 1;
        while (records.MoveNext() && errors.Count < 20)
        {
            line++;
            var row = records.Current;
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (row.Count < header.Count)
            {
                errors.Add(new(fileName, line, $"{row.Count} columns where the header has {header.Count}"));
                continue;
            }

            // As the reference: rows without a URN are dropped.
            if (string.IsNullOrWhiteSpace(row[urn]))
            {
                continue;
            }

            DateOnly? ended = null;
            if (end >= 0 && !string.IsNullOrWhiteSpace(row[end]))
            {
                ended = Dates.Parse(row[end].Trim());
                if (ended is null)
                {
                    errors.Add(new(fileName, line, $"{header[end]} is not a date (DD/MM/YYYY or YYYY-MM-DD)"));
                    continue;
                }
            }

            into.Add(new OfstedProvider(row[urn].Trim().ToUpperInvariant(), Codes(row[place]), Codes(row[provider]), ended, PostcodeLookup.Normalise(row[postcode])));
        }
    }

    private static string[] Codes(string cell) =>
        cell.Split([',', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).ToArray();
}
