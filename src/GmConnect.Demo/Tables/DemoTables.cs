using System.Globalization;
using GmConnect.Demo.Randomness;

namespace GmConnect.Demo.Tables;

/// <summary>
/// Every table the generator samples, loaded once from the embedded resources in <c>Data/</c>.
/// Origins and licences: <c>Data/README.md</c>.
/// </summary>
internal sealed class DemoTables
{
    private static readonly Lazy<DemoTables> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<(EthnicGroup, char, int), WeightedTable<string>> _given;
    private readonly Dictionary<EthnicGroup, WeightedTable<Surname>> _surnames;

    private DemoTables(
        LocalAuthority[] authorities,
        Dictionary<(EthnicGroup, char, int), WeightedTable<string>> given,
        Dictionary<EthnicGroup, WeightedTable<Surname>> surnames,
        Dictionary<string, string[]> nicknames,
        Dictionary<string, string[]> givenVariants,
        Dictionary<string, string[]> surnameVariants,
        WeightedTable<string> streetNames,
        WeightedTable<string> streetSuffixes)
    {
        Authorities = authorities;
        AuthorityTable = new WeightedTable<LocalAuthority>([.. authorities.Select(a => (a, a.Population))]);
        _given = given;
        _surnames = surnames;
        Nicknames = nicknames;
        GivenVariants = givenVariants;
        SurnameVariants = surnameVariants;
        StreetNames = streetNames;
        StreetSuffixes = streetSuffixes;
    }

    public static DemoTables Instance => Shared.Value;

    public LocalAuthority[] Authorities { get; }

    /// <summary>The authorities weighted by their population.</summary>
    public WeightedTable<LocalAuthority> AuthorityTable { get; }

    /// <summary>Lower-case given name → lower-case nicknames (William → bill, will, …).</summary>
    public Dictionary<string, string[]> Nicknames { get; }

    /// <summary>Lower-case given name → lower-case spelling variants (Mohammed → muhammad, …).</summary>
    public Dictionary<string, string[]> GivenVariants { get; }

    /// <summary>Lower-case family name → lower-case spelling variants.</summary>
    public Dictionary<string, string[]> SurnameVariants { get; }

    public WeightedTable<string> StreetNames { get; }

    public WeightedTable<string> StreetSuffixes { get; }

    /// <summary>Given names for people of a group and sex born in a year.</summary>
    public WeightedTable<string> Given(EthnicGroup group, char sex, int birthYear)
    {
        var key = group is EthnicGroup.WhiteBritish or EthnicGroup.Irish ? (EthnicGroup.WhiteBritish, sex, Cohort(birthYear)) : (group, sex, 0);
        return _given[key];
    }

    /// <summary>The curated Irish given names (used beside the general pool for older Irish-heritage people).</summary>
    public WeightedTable<string> IrishGiven(char sex) => _given[(EthnicGroup.Irish, sex, 0)];

    public WeightedTable<Surname> Surnames(EthnicGroup group) => _surnames[group];

    /// <summary>The name cohort: ONS baby-name periods from 1996, curated decades before.</summary>
    private static int Cohort(int birthYear) => birthYear switch
    {
        >= 2011 => 2011,
        >= 2006 => 2006,
        >= 2001 => 2001,
        >= 1990 => 1996,
        >= 1980 => 1980,
        >= 1970 => 1970,
        >= 1960 => 1960,
        >= 1950 => 1950,
        _ => 1930,
    };

    private static DemoTables Load()
    {
        var inv = CultureInfo.InvariantCulture;

        // Geography: postcode → LA and ward; ward → name.
        var wardNames = ResourceReader.Rows("wards.csv.gz").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var postcodes = new Dictionary<int, (List<string> Codes, List<string> Localities)>();
        foreach (var r in ResourceReader.Rows("postcodes.csv.gz"))
        {
            var la = int.Parse(r[0], inv);
            if (!postcodes.TryGetValue(la, out var lists))
            {
                postcodes[la] = lists = ([], []);
            }

            lists.Codes.Add(r[1]);
            lists.Localities.Add(wardNames.GetValueOrDefault(r[2], ""));
        }

        var ageRows = ResourceReader.Rows("age-sex.csv.gz")
            .Select(r => (La: int.Parse(r[0], inv), Age: int.Parse(r[1], inv), M: double.Parse(r[2], inv), F: double.Parse(r[3], inv)))
            .ToList();

        var mixHeader = new[]
        {
            EthnicGroup.WhiteBritish, EthnicGroup.Irish, EthnicGroup.EasternEuropean, EthnicGroup.PakistaniBangladeshi,
            EthnicGroup.Indian, EthnicGroup.BlackAfrican, EthnicGroup.BlackCaribbean, EthnicGroup.Chinese,
        };
        var mixes = ResourceReader.Rows("ethnic-mix.csv").ToDictionary(
            r => int.Parse(r[0], inv),
            r => new WeightedTable<EthnicGroup>([.. mixHeader.Select((g, i) => (g, double.Parse(r[i + 1], inv)))]));

        var authorities = Gm.Authorities.Select(a =>
        {
            var rows = ageRows.Where(x => x.La == a.Code).ToList();
            var adults = rows.Where(x => x.Age >= 18).SelectMany(x => new[] { ((x.Age, 'M'), x.M), ((x.Age, 'F'), x.F) }).ToList();
            var children = rows.Where(x => x.Age < 18).SelectMany(x => new[] { ((x.Age, 'M'), x.M), ((x.Age, 'F'), x.F) }).ToList();
            return new LocalAuthority
            {
                Code = a.Code,
                Name = a.Name,
                GpPrefix = a.GpPrefix,
                AcuteTrust = a.AcuteTrust,
                Postcodes = [.. postcodes[a.Code].Codes],
                Localities = [.. postcodes[a.Code].Localities],
                Adults = new WeightedTable<(int, char)>(adults),
                Children = new WeightedTable<(int, char)>(children),
                Groups = mixes[a.Code],
                Population = rows.Sum(x => x.M + x.F),
            };
        }).ToArray();

        // Given names: ONS baby names (1996 onward) and the curated pools.
        var givenLists = new Dictionary<(EthnicGroup, char, int), List<(string, double)>>();
        void AddGiven((EthnicGroup, char, int) key, string name, double weight)
        {
            if (!givenLists.TryGetValue(key, out var list))
            {
                givenLists[key] = list = [];
            }

            list.Add((name, weight));
        }

        foreach (var r in ResourceReader.Rows("given-names-ons.csv.gz"))
        {
            AddGiven((EthnicGroup.WhiteBritish, r[0][0], int.Parse(r[1], inv)), r[2], double.Parse(r[3], inv));
        }

        var surnameLists = new Dictionary<EthnicGroup, List<(Surname, double)>>();
        foreach (var r in ResourceReader.Rows("names-curated.csv"))
        {
            var (group, cohort) = CuratedGroup(r[0]);
            var weight = double.Parse(r[3], inv);
            if (r[1] == "s")
            {
                if (!surnameLists.TryGetValue(group, out var list))
                {
                    surnameLists[group] = list = [];
                }

                list.Add((new Surname(r[2], r.Length > 4 && r[4].Length > 0 ? r[4] : r[2]), weight));
            }
            else
            {
                AddGiven((group, r[1] == "m" ? 'M' : 'F', cohort), r[2], weight);
            }
        }

        surnameLists[EthnicGroup.WhiteBritish] = [.. ResourceReader.Rows("surnames-uk.csv.gz").Select(r =>
        {
            var name = Text.TitleCase(r[0]);
            return (new Surname(name, name), double.Parse(r[1], inv));
        })];

        var given = givenLists.ToDictionary(kv => kv.Key, kv => new WeightedTable<string>(kv.Value));
        var surnames = surnameLists.ToDictionary(kv => kv.Key, kv => new WeightedTable<Surname>(kv.Value));

        var nicknames = Multimap(ResourceReader.Rows("nicknames.csv.gz").Select(r => (r[0], r[1])));
        var curatedVariants = ResourceReader.Rows("variants-curated.csv").ToList();
        var givenVariants = Multimap(ResourceReader.Rows("given-variants.csv.gz").Select(r => (r[0], r[1]))
            .Concat(curatedVariants.Where(r => r[0] == "given").Select(r => (r[1], r[2]))));
        var surnameVariants = Multimap(ResourceReader.Rows("surname-variants.csv.gz").Select(r => (r[0], r[1]))
            .Concat(curatedVariants.Where(r => r[0] == "surname").Select(r => (r[1], r[2]))));

        var streets = ResourceReader.Rows("streets.csv").ToList();
        var streetNames = new WeightedTable<string>([.. streets.Where(r => r[0] == "base").Select(r => (r[1], double.Parse(r[2], inv)))]);
        var suffixes = new WeightedTable<string>([.. streets.Where(r => r[0] == "suffix").Select(r => (r[1], double.Parse(r[2], inv)))]);

        return new DemoTables(authorities, given, surnames, nicknames, givenVariants, surnameVariants, streetNames, suffixes);
    }

    private static (EthnicGroup Group, int Cohort) CuratedGroup(string code) => code switch
    {
        "wb1930" => (EthnicGroup.WhiteBritish, 1930),
        "wb1950" => (EthnicGroup.WhiteBritish, 1950),
        "wb1960" => (EthnicGroup.WhiteBritish, 1960),
        "wb1970" => (EthnicGroup.WhiteBritish, 1970),
        "wb1980" => (EthnicGroup.WhiteBritish, 1980),
        "irish" => (EthnicGroup.Irish, 0),
        "pak" => (EthnicGroup.PakistaniBangladeshi, 0),
        "ind" => (EthnicGroup.Indian, 0),
        "baf" => (EthnicGroup.BlackAfrican, 0),
        "bca" => (EthnicGroup.BlackCaribbean, 0),
        "eeu" => (EthnicGroup.EasternEuropean, 0),
        "chi" => (EthnicGroup.Chinese, 0),
        _ => throw new InvalidOperationException($"Unknown name group '{code}' in names-curated.csv."),
    };

    private static Dictionary<string, string[]> Multimap(IEnumerable<(string Key, string Value)> pairs) =>
        pairs.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Value).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.OrdinalIgnoreCase);
}
