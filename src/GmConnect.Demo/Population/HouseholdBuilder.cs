using System.Globalization;
using System.Runtime.CompilerServices;
using GmConnect.Demo.Randomness;
using GmConnect.Demo.Tables;

namespace GmConnect.Demo.Population;

/// <summary>
/// Builds one household at a time: an address, a heritage group, adults drawn from the LA's ONS
/// age pyramid and children of plausible ages for their mother, with shared surnames, twins,
/// sons named after their fathers, married names and step-children's birth names.
/// </summary>
internal sealed class HouseholdBuilder(DemoTables tables, DateOnly asOf)
{
    private static readonly double[] SmallFamilies = [0.42, 0.37, 0.14, 0.05, 0.02];
    private static readonly double[] LargeFamilies = [0.25, 0.30, 0.22, 0.13, 0.10];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Household Build(long index, ref Prng rng)
    {
        var la = tables.AuthorityTable.Sample(ref rng);
        var group = la.Groups.Sample(ref rng);
        var current = NewAddress(la, ref rng);
        var previousLa = rng.Chance(0.2) ? tables.AuthorityTable.Sample(ref rng) : la;
        var household = new Household
        {
            Index = index,
            Authority = la,
            Current = current,
            Previous = NewAddress(previousLa, ref rng),
            GpPractice = Practice(la, ref rng),
            PreviousGpPractice = Practice(previousLa, ref rng),
            Landline = rng.Chance(0.35) ? "0161 496 0" + rng.Next(1000).ToString("D3", CultureInfo.InvariantCulture) : "",
        };

        var (refAge, refSex) = la.Adults.Sample(ref rng);
        var (couple, withChildren) = Composition(refAge, ref rng);
        if (!couple && withChildren && refSex == 'M' && rng.Chance(0.85))
        {
            refSex = 'F'; // most lone parents are mothers
        }

        var surname = tables.Surnames(group).Sample(ref rng);
        var primary = 2000 + rng.Next(Math.Max(10, (int)(la.Population / 5000)));
        var secondary = 4000 + rng.Next(Math.Max(4, (int)(la.Population / 25000)));

        var first = NewPerson(household, group, refSex, refAge, surname.For(refSex), ref rng);
        Person? father = first.Sex == 'M' ? first : null;
        Person? mother = first.Sex == 'F' ? first : null;
        if (couple)
        {
            var partnerSex = rng.Chance(0.02) ? first.Sex : (first.Sex == 'M' ? 'F' : 'M');
            var partnerAge = Math.Clamp(refAge + (partnerSex == 'M' ? 2 : -2) + rng.Between(-5, 5), 18, 99);
            var partnerGroup = rng.Chance(0.93) ? group : la.Groups.Sample(ref rng);
            var married = rng.Chance(0.8);
            var partnerSurname = married ? surname.For(partnerSex) : tables.Surnames(partnerGroup).Sample(ref rng).For(partnerSex);
            var partner = NewPerson(household, partnerGroup, partnerSex, partnerAge, partnerSurname, ref rng);
            if (married && partner.Sex != first.Sex)
            {
                var wife = first.Sex == 'F' ? first : partner;
                GiveMaidenName(wife, wife.Group, ref rng);
            }

            father ??= partner.Sex == 'M' ? partner : null;
            mother ??= partner.Sex == 'F' ? partner : null;
        }
        else if (!couple && first.Sex == 'F' && refAge > 25 && rng.Chance(0.3))
        {
            GiveMaidenName(first, group, ref rng); // kept a former partner's surname
        }

        if (withChildren)
        {
            AddChildren(household, group, mother ?? first, father, couple, surname, primary, secondary, ref rng);
        }

        return household;
    }

    private static (bool Couple, bool Children) Composition(int age, ref Prng rng)
    {
        var u = rng.NextDouble();
        return age switch
        {
            < 30 => u < 0.50 ? (false, false) : u < 0.78 ? (true, false) : u < 0.90 ? (true, true) : (false, true),
            < 50 => u < 0.25 ? (false, false) : u < 0.45 ? (true, false) : u < 0.87 ? (true, true) : (false, true),
            < 65 => u < 0.33 ? (false, false) : u < 0.85 ? (true, false) : u < 0.97 ? (true, true) : (false, true),
            _ => u < 0.45 ? (false, false) : (true, false),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddChildren(
        Household household, EthnicGroup group, Person mother, Person? father, bool couple, Surname surname,
        int primary, int secondary, ref Prng rng)
    {
        var weights = group is EthnicGroup.PakistaniBangladeshi or EthnicGroup.BlackAfrican ? LargeFamilies : SmallFamilies;
        var u = rng.NextDouble();
        var count = 1;
        for (var acc = weights[0]; count < weights.Length && u >= acc; count++)
        {
            acc += weights[count];
        }

        var absentFather = couple ? null : tables.Surnames(group).Sample(ref rng);
        var namedAfterFather = false;
        for (var c = 0; c < count; c++)
        {
            if (!TryChildAge(household.Authority, mother.Age, ref rng, out var age, out var sex))
            {
                break;
            }

            var family = couple ? (father ?? mother).FamilyName : (absentFather is not null && rng.Chance(0.35) ? absentFather.For(sex) : surname.For(sex));
            if (couple && father is null)
            {
                family = surname.For(sex);
            }

            var child = NewPerson(household, group, sex, age, family, ref rng, primary, secondary);
            if (father is not null && sex == 'M' && !namedAfterFather && rng.Chance(0.08))
            {
                namedAfterFather = true;
                child.GivenName = father.GivenName;
                child.MiddleNames = father.MiddleNames;
                child.FamilyName = father.FamilyName;
                household.FatherSonSameName++;
            }

            if (couple && rng.Chance(0.03))
            {
                // A step-child or adopted child: known to some agencies by the birth surname.
                var birthName = tables.Surnames(group).Sample(ref rng).For(sex);
                child.FormerFamilyName = string.Equals(birthName, child.FamilyName, StringComparison.Ordinal) ? null : birthName;
            }

            if (rng.Chance(0.016))
            {
                var twinSex = rng.Chance(0.5) ? 'M' : 'F';
                var twin = NewPerson(household, group, twinSex, age, twinSex == sex ? child.FamilyName : family, ref rng, primary, secondary, child.DateOfBirth);
                twin.FamilyName = child.FamilyName;
                household.TwinPairs++;
            }
        }
    }

    private static bool TryChildAge(LocalAuthority la, int motherAge, ref Prng rng, out int age, out char sex)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            (age, sex) = la.Children.Sample(ref rng);
            var motherAgeAtBirth = motherAge - age;
            if (motherAgeAtBirth is >= 16 and <= 45)
            {
                return true;
            }
        }

        age = 0;
        sex = 'U';
        return false;
    }

    private void GiveMaidenName(Person woman, EthnicGroup group, ref Prng rng)
    {
        var maiden = tables.Surnames(group).Sample(ref rng).Female;
        if (!string.Equals(maiden, woman.FamilyName, StringComparison.Ordinal))
        {
            woman.FormerFamilyName = maiden;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Person NewPerson(
        Household household, EthnicGroup group, char sex, int age, string familyName, ref Prng rng,
        int primary = 0, int secondary = 0, DateOnly? dateOfBirth = null)
    {
        var dob = dateOfBirth ?? asOf.AddYears(-age).AddDays(-rng.Next(365));
        if (age >= 90)
        {
            dob = dob.AddYears(-rng.Next(8)); // the ONS table's 90 means 90 and over
        }

        var person = new Person
        {
            Sex = sex,
            DateOfBirth = dob,
            Age = age,
            Group = group,
            GivenName = DistinctGiven(household, group, sex, dob.Year, ref rng),
            FamilyName = familyName,
        };

        var middleChance = group switch
        {
            EthnicGroup.WhiteBritish or EthnicGroup.Irish or EthnicGroup.BlackCaribbean => 0.7,
            EthnicGroup.PakistaniBangladeshi => 0.45,
            EthnicGroup.BlackAfrican => 0.5,
            EthnicGroup.Indian => 0.3,
            _ => 0.15,
        };
        if (rng.Chance(middleChance))
        {
            var middle = GivenFor(group, sex, dob.Year, ref rng);
            if (rng.Chance(0.15))
            {
                middle += " " + GivenFor(group, sex, dob.Year, ref rng);
            }

            person.MiddleNames = string.Equals(middle, person.GivenName, StringComparison.Ordinal) ? "" : middle;
        }

        if (rng.Chance(0.995))
        {
            person.WantsNhsNumber = true;
        }

        if (age >= 16 && rng.Chance(0.98))
        {
            person.NinoSuffix = (char)('A' + rng.Next(4));
        }

        var arrestChance = (sex, age) switch
        {
            ('M', >= 15 and <= 70) => 0.06,
            ('F', >= 15 and <= 70) => 0.015,
            ('M', >= 10 and < 15) => 0.01,
            _ => 0.0,
        };
        if (rng.Chance(arrestChance))
        {
            var firstYear = Math.Max(dob.Year + 10, 1995);
            person.PncYear = rng.Between(firstYear, Math.Max(firstYear, asOf.Year));
        }

        if (age is >= 4 and <= 17 && primary > 0 && rng.Chance(0.98))
        {
            var la = household.Authority.Code;
            person.UpnSchool = (la * 10_000) + primary;
            person.UpnYear = dob.Year + 5;
            person.SchoolLaEstab = (la * 10_000) + (age <= 10 ? primary : secondary);
        }

        if ((age >= 18 && rng.Chance(0.75)) || (age >= 12 && rng.Chance(0.4)))
        {
            person.Phone = "07700 900" + rng.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
        }

        if (age >= 16 && rng.Chance(0.45))
        {
            person.Email = Email(person.GivenName, familyName, ref rng);
        }

        household.Members.Add(person);
        return person;
    }

    private string DistinctGiven(Household household, EthnicGroup group, char sex, int birthYear, ref Prng rng)
    {
        var name = GivenFor(group, sex, birthYear, ref rng);
        for (var attempt = 0; attempt < 5 && household.Members.Exists(m => string.Equals(m.GivenName, name, StringComparison.Ordinal)); attempt++)
        {
            name = GivenFor(group, sex, birthYear, ref rng);
        }

        return name;
    }

    private string GivenFor(EthnicGroup group, char sex, int birthYear, ref Prng rng) =>
        group == EthnicGroup.Irish && birthYear < 1996 && rng.Chance(0.5)
            ? tables.IrishGiven(sex).Sample(ref rng)
            : tables.Given(group, sex, birthYear).Sample(ref rng);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Address NewAddress(LocalAuthority la, ref Prng rng)
    {
        var i = rng.Next(la.Postcodes.Length);
        var postcode = la.Postcodes[i];
        var street = tables.StreetNames.Sample(ref rng) + " " + tables.StreetSuffixes.Sample(ref rng);
        var number = rng.Chance(0.7) ? rng.Between(1, 120) : rng.Between(121, 400);
        var flat = rng.Chance(0.12) ? "Flat " + rng.Between(1, 40).ToString(CultureInfo.InvariantCulture) + ", " : "";
        var lines = string.Create(CultureInfo.InvariantCulture, $"{flat}{number} {street}, {la.Localities[i]}, {Gm.PostTown(postcode)}");
        return new Address(lines, postcode);
    }

    private static string Practice(LocalAuthority la, ref Prng rng) =>
        la.GpPrefix + (1 + rng.Next(Math.Max(12, (int)(la.Population / 9000)))).ToString("D3", CultureInfo.InvariantCulture);

    private static string Email(string given, string family, ref Prng rng)
    {
        Span<char> buffer = stackalloc char[64];
        var n = 0;
        foreach (var c in given)
        {
            if (char.IsAsciiLetter(c) && n < 30)
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        buffer[n++] = rng.Chance(0.6) ? '.' : '_';
        foreach (var c in family)
        {
            if (char.IsAsciiLetter(c) && n < 60)
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        var digits = rng.Chance(0.5) ? rng.Between(1, 99).ToString(CultureInfo.InvariantCulture) : "";
        var domain = rng.Next(3) switch { 0 => "example.com", 1 => "example.org", _ => "example.net" };
        return string.Concat(buffer[..n], digits, "@", domain);
    }
}
