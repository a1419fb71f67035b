using System.Globalization;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Records;

namespace GmConnect.Identity.Linkage.Evaluation;

/// <summary>
/// The wrong joins that matter most, counted against a truth: predicted clusters that hold records of two true
/// people who share a family name and an address (the postcode where a record has no address) and whose dates
/// of birth are equal (twin-like) or at least <see cref="GenerationGapYears"/> apart (father-and-son-like).
/// Each person's family name, date of birth and address are the commonest values among all of their records
/// (so one mistyped record does not decide them); dates listed as placeholders are ignored.
/// </summary>
public sealed class RelativeJoins
{
    /// <summary>The date-of-birth gap, in years, from which two people of one name and address are two generations.</summary>
    public const int GenerationGapYears = 15;

    private RelativeJoins(int mixedClusters, int twinLike, int generations, IReadOnlyList<int> generationClusters, IReadOnlyList<int> twinClusters)
    {
        MixedClusters = mixedClusters;
        TwinLike = twinLike;
        TwoGenerations = generations;
        TwoGenerationClusters = generationClusters;
        TwinLikeClusters = twinClusters;
    }

    /// <summary>Predicted clusters holding records of more than one true person.</summary>
    public int MixedClusters { get; }

    /// <summary>Clusters joining two people of one family name, address and date of birth.</summary>
    public int TwinLike { get; }

    /// <summary>Clusters joining two people of one family name and address, dates of birth ≥ 15 years apart.</summary>
    public int TwoGenerations { get; }

    /// <summary>The cluster numbers counted in <see cref="TwoGenerations"/>.</summary>
    public IReadOnlyList<int> TwoGenerationClusters { get; }

    /// <summary>The cluster numbers counted in <see cref="TwinLike"/>.</summary>
    public IReadOnlyList<int> TwinLikeClusters { get; }

    /// <summary>Counts the twin-like and two-generation joins.</summary>
    /// <param name="table">The records (the named columns are read as recorded).</param>
    /// <param name="truth">True person of each record (null: unknown, ignored).</param>
    /// <param name="clusterOf">Predicted cluster of each record.</param>
    /// <param name="familyNameColumn">Family name column.</param>
    /// <param name="dateOfBirthColumn">Date of birth column (YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY).</param>
    /// <param name="addressColumns">Address columns, first present value wins (e.g. address, then postcode).</param>
    /// <param name="placeholderDates">Dates of birth that mean "unknown" (YYYYMMDD).</param>
    public static RelativeJoins Count(
        RecordTable table,
        IReadOnlyList<string?> truth,
        IReadOnlyList<int> clusterOf,
        string familyNameColumn,
        string dateOfBirthColumn,
        IReadOnlyList<string> addressColumns,
        IReadOnlyCollection<string>? placeholderDates = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(clusterOf);
        ArgumentNullException.ThrowIfNull(addressColumns);
        var n = table.Count;

        // Clusters with more than one true person, and the people in them.
        var firstPerson = new Dictionary<int, string>();
        var mixed = new HashSet<int>();
        for (var i = 0; i < n; i++)
        {
            if (truth[i] is not { } person)
            {
                continue;
            }

            if (!firstPerson.TryAdd(clusterOf[i], person) && !string.Equals(firstPerson[clusterOf[i]], person, StringComparison.Ordinal))
            {
                mixed.Add(clusterOf[i]);
            }
        }

        var peopleOf = new Dictionary<int, HashSet<string>>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (truth[i] is { } person && mixed.Contains(clusterOf[i]))
            {
                (peopleOf.TryGetValue(clusterOf[i], out var set) ? set : peopleOf[clusterOf[i]] = new HashSet<string>(StringComparer.Ordinal)).Add(person);
                wanted.Add(person);
            }
        }

        int family = table.ColumnIndex(familyNameColumn), dob = table.ColumnIndex(dateOfBirthColumn);
        var addresses = addressColumns.Select(table.ColumnIndex).Where(c => c >= 0).ToArray();
        var votes = new Dictionary<string, (Dictionary<string, int> Family, Dictionary<string, int> Dob, Dictionary<string, int> Address)>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (truth[i] is not { } person || !wanted.Contains(person))
            {
                continue;
            }

            if (!votes.TryGetValue(person, out var v))
            {
                v = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
                votes[person] = v;
            }

            Vote(v.Family, family < 0 ? null : Normalise(table.Value(family, i)));
            var date = dob < 0 || table.Value(dob, i) is not { Length: > 0 } raw ? null : PreparedRecords.CanonicalDate(raw.Trim());
            Vote(v.Dob, date is null || (placeholderDates?.Contains(date) ?? false) ? null : date);
            Vote(v.Address, addresses.Select(c => Normalise(table.Value(c, i))).FirstOrDefault(a => a is not null));
        }

        var profile = votes.ToDictionary(
            x => x.Key,
            x => (Family: Top(x.Value.Family), Day: PreparedRecords.DayNumber(Top(x.Value.Dob)), Address: Top(x.Value.Address)),
            StringComparer.Ordinal);

        List<int> twins = [], generations = [];
        foreach (var (cluster, people) in peopleOf.OrderBy(x => x.Key))
        {
            var list = people.Order(StringComparer.Ordinal).Select(p => profile[p]).ToArray();
            bool twin = false, generation = false;
            for (var x = 0; x < list.Length; x++)
            {
                for (var y = x + 1; y < list.Length; y++)
                {
                    var (p, q) = (list[x], list[y]);
                    if (p.Family is null || p.Address is null || p.Day == int.MinValue || q.Day == int.MinValue
                        || !string.Equals(p.Family, q.Family, StringComparison.Ordinal) || !string.Equals(p.Address, q.Address, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    twin |= p.Day == q.Day;
                    generation |= Math.Abs(p.Day - q.Day) >= GenerationGapYears * 365.25;
                }
            }

            if (twin)
            {
                twins.Add(cluster);
            }

            if (generation)
            {
                generations.Add(cluster);
            }
        }

        return new RelativeJoins(mixed.Count, twins.Count, generations.Count, generations, twins);
    }

    /// <summary>One line: the counts.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{MixedClusters:N0} clusters hold more than one person; twin-like {TwinLike:N0}, father-and-son-like {TwoGenerations:N0} (one family name and address, dates of birth >= {GenerationGapYears} years apart)");

    private static void Vote(Dictionary<string, int> votes, string? value)
    {
        if (value is not null)
        {
            votes[value] = votes.GetValueOrDefault(value) + 1;
        }
    }

    private static string? Top(Dictionary<string, int> votes) =>
        votes.Count == 0 ? null : votes.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key;

    private static string? Normalise(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // Case, spacing and commas vary between records of one address (and postcodes come with or without the space).
        var words = value.ToLowerInvariant().Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Concat(words);
    }
}
