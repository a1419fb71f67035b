using System.Globalization;
using GmConnect.Identity.Linkage.Records;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// A stand-in synthetic population in the person-records columns, until the shared generator
/// (<c>gmc demo population</c>) is available: people with 1–5 records across sources, typos, nicknames,
/// missing and moved values, date slips, and hard cases — twins (same surname, date of birth and address,
/// different NHS numbers) and fathers and sons of the same name at the same address.
/// </summary>
internal sealed class SyntheticPeople
{
    public static readonly string[] Columns =
        ["record_id", "nhs_number", "upn", "nino", "pnc_id", "given_name", "middle_names", "family_name", "sex", "date_of_birth", "postcode", "address", "phone", "email"];

    private static readonly string[] Syllables =
        ["ab", "al", "an", "ar", "ba", "be", "bro", "ca", "cho", "da", "del", "don", "ed", "el", "en", "far", "fi", "ga", "gor", "ha", "hal", "hen", "il", "ja", "ka", "kin", "la", "ler", "li", "lo", "ma", "mar", "mc", "mi", "mo", "na", "ne", "ni", "no", "o", "pa", "per", "ra", "ri", "ro", "sa", "sen", "son", "ston", "ta", "ter", "ti", "to", "ton", "wa", "war", "wen", "wi", "wood", "ya", "zo"];

    private readonly Random _random;
    private readonly string[] _given;
    private readonly string[][] _nicknames;
    private readonly string[] _family;

    public SyntheticPeople(int seed)
    {
        _random = new Random(seed);
        var pairs = File.ReadAllLines(BenchData.RepositoryFile("configs/linkage/names/name-variants.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(p => p[2] == "nicknames").ToList();
        _given = [.. pairs.Select(p => p[0]).Distinct().Order(StringComparer.Ordinal)];
        var byName = pairs.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p[1]).ToArray());
        _nicknames = [.. _given.Select(g => byName[g])];
        var family = new HashSet<string>(StringComparer.Ordinal);
        var r = new Random(seed + 1);
        while (family.Count < 30_000)
        {
            var n = 2 + r.Next(2);
            family.Add(string.Concat(Enumerable.Range(0, n).Select(_ => Syllables[r.Next(Syllables.Length)])));
        }

        _family = [.. family.Order(StringComparer.Ordinal)];
    }

    /// <summary>Records and each record's true person; <paramref name="hardPairs"/> lists people who must never be merged (twins, father and son).</summary>
    public (RecordTable Table, string[] Truth) Generate(int people, out List<(string, string)> hardPairs)
    {
        var table = new RecordTable(Columns);
        var truth = new List<string>();
        hardPairs = [];
        var p = 0;
        while (p < people)
        {
            var person = NewPerson(p);
            Emit(table, truth, person);
            p++;
            var roll = _random.NextDouble();
            if (roll < 0.03 && p < people)
            {
                // A twin: same family name, date of birth and address, another first name and NHS number.
                var twin = person with { Id = p, Given = Pick(_given), Middle = Pick(_given), Nhs = Nhs(), Phone = Phone(), Email = null };
                Emit(table, truth, twin);
                hardPairs.Add((Key(person.Id), Key(twin.Id)));
                p++;
            }
            else if (roll < 0.05 && p < people)
            {
                // A father and son of the same name at the same address, a generation apart.
                var son = person with { Id = p, Dob = person.Dob.AddYears(25 + _random.Next(15)).AddDays(_random.Next(300)), Nhs = Nhs(), Phone = Phone(), Email = null };
                Emit(table, truth, son);
                hardPairs.Add((Key(person.Id), Key(son.Id)));
                p++;
            }
        }

        return (table, truth.ToArray());
    }

    private static string Key(int id) => "P" + id.ToString(CultureInfo.InvariantCulture);

    private Person NewPerson(int id)
    {
        var gi = Skewed(_given.Length, 20);
        var family = _family[Skewed(_family.Length, 50)];
        var dob = new DateOnly(1930, 1, 1).AddDays(_random.Next(90 * 365));
        var district = $"M{1 + _random.Next(40)}";
        var postcode = $"{district} {_random.Next(10)}{Letter()}{Letter()}";
        var address = $"{1 + _random.Next(200)} {_family[_random.Next(_family.Length)]} {Pick(["road", "street", "avenue", "close", "lane"])}";
        return new Person(id, _given[gi], _nicknames[gi], Pick(_given), family, _random.Next(2) == 0 ? "M" : "F", dob, postcode, address, Nhs(), Phone(),
            _random.NextDouble() < 0.5 ? $"{_given[gi]}.{family}@example.org" : null);
    }

    private void Emit(RecordTable table, List<string> truth, Person person)
    {
        var copies = 1 + _random.Next(4);
        string[] sources = ["gp:P84001", "acute:RW3", "la:352:socialcare", "police:gmp", "school:3524001"];
        for (var c = 0; c < copies; c++)
        {
            var source = sources[(person.Id + c) % sources.Length];
            var given = Maybe(0.05) ? Pick(person.Nicknames) : person.Given;
            given = Maybe(0.06) ? Typo(given) : given;
            var family = Maybe(0.06) ? Typo(person.Family) : person.Family;
            var dob = person.Dob;
            string? dobText = dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (Maybe(0.02))
            {
                dobText = dob.Day <= 12 ? new DateOnly(dob.Year, dob.Day, dob.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dobText;
            }
            else if (Maybe(0.02))
            {
                dobText = dob.AddDays(_random.Next(1, 9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else if (Maybe(0.02))
            {
                dobText = null;
            }

            var postcode = Maybe(0.1) ? null : Maybe(0.1) ? $"M{1 + _random.Next(40)} {_random.Next(10)}{Letter()}{Letter()}" : person.Postcode;
            var nhs = source.StartsWith("gp", StringComparison.Ordinal) || Maybe(0.5) ? person.Nhs : null;
            if (nhs is not null && Maybe(0.01))
            {
                nhs = Typo(nhs);
            }

            table.Add(source, $"{person.Id}-{c}", [$"{person.Id}-{c}", nhs, null, null, null, given, Maybe(0.3) ? person.Middle : null, family, person.Sex, dobText, postcode,
                Maybe(0.3) ? null : person.Address, Maybe(0.5) ? person.Phone : null, Maybe(0.5) ? person.Email : null]);
            truth.Add(Key(person.Id));
        }
    }

    private bool Maybe(double p) => _random.NextDouble() < p;

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private char Letter() => (char)('A' + _random.Next(26));

    // Density ∝ 1/(rank + k): a few names are common (the top one about 1–2 %, like Oliver or Smith), most are rare.
    private int Skewed(int n, double k) => Math.Min(n - 1, (int)Math.Floor((k * Math.Pow((n + k) / k, _random.NextDouble())) - k));

    private string Typo(string s)
    {
        var i = _random.Next(s.Length);
        return _random.Next(3) switch
        {
            0 => s[..i] + (char)('a' + _random.Next(26)) + s[(i + 1)..],
            1 when s.Length > 3 => s.Remove(i, 1),
            _ when i + 1 < s.Length => s[..i] + s[i + 1] + s[i] + s[(i + 2)..],
            _ => s + (char)('a' + _random.Next(26)),
        };
    }

    private string Nhs()
    {
        while (true)
        {
            var digits = new int[9];
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                digits[i] = _random.Next(10);
                sum += digits[i] * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            return string.Concat(digits) + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
        }
    }

    private string Phone() => "07" + _random.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    private sealed record Person(int Id, string Given, string[] Nicknames, string Middle, string Family, string Sex, DateOnly Dob, string Postcode, string Address, string Nhs, string Phone, string? Email);
}
