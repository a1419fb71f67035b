using System.Text.RegularExpressions;

namespace GmConnect.Demo.Tests.Generation;

public sealed partial class RealismTests(Population20k population) : IClassFixture<Population20k>
{
    private IEnumerable<GmConnect.Demo.Population.Person> People => population.Sink.People.Values;

    [Fact]
    public void People_AgePyramid_ChildrenAndOlderSharesAreGmLike()
    {
        // GM (ONS mid-2020): about 23% aged 0–17 and 15% aged 65 and over.
        var n = (double)population.Summary.People;
        Assert.InRange(population.Summary.Features["children"] / n, 0.18, 0.29);
        Assert.InRange(population.Summary.Features["aged65Plus"] / n, 0.11, 0.20);
        Assert.Contains(People, p => p.Age >= 90);
        Assert.Contains(People, p => p.Age == 0);
    }

    [Fact]
    public void People_AllTenAuthoritiesAndRealPostcodes()
    {
        var las = population.Sink.Records.Where(r => r.Source.StartsWith("la:", StringComparison.Ordinal)).Select(r => r.Source[3..6]).Distinct().ToList();
        Assert.Equal(10, las.Count);
        var postcodes = population.Sink.Records.Where(r => r.Errors == 0 && r.Postcode.Length > 0).Select(r => r.Postcode);
        Assert.All(postcodes, p => Assert.Matches(GmPostcode(), p));
    }

    [Fact]
    public void People_CommonNames_SharedByManyWithDifferentBirthDates()
    {
        var largest = People.GroupBy(p => (p.GivenName, p.FamilyName)).OrderByDescending(g => g.Count()).First();
        Assert.True(largest.Count() >= 8, $"largest same-name group has {largest.Count()} people");
        Assert.True(largest.Select(p => p.DateOfBirth).Distinct().Count() > largest.Count() / 2);
        // The summary counts everyone, including the few people no agency holds a record of.
        Assert.InRange(largest.Count(), population.Summary.Features["largestGroupSharingFullName"] - 3, population.Summary.Features["largestGroupSharingFullName"]);
    }

    [Fact]
    public void People_Diversity_NamePoolsOfEveryGroupAppear()
    {
        var families = People.Select(p => p.FamilyName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Smith", families);
        Assert.Contains("Khan", families);
        Assert.Contains("Patel", families);
        Assert.True(families.Overlaps(["Murphy", "Kelly", "O'Brien"]));
        Assert.True(families.Overlaps(["Okafor", "Adeyemi", "Mensah", "Osei", "Abdi"]));
        Assert.True(families.Overlaps(["Nowak", "Kowalski", "Kowalska", "Popescu"]));
        Assert.True(families.Overlaps(["Wong", "Chan", "Li", "Wang", "Chen"]));
        var givens = People.Select(p => p.GivenName).ToHashSet(StringComparer.Ordinal);
        Assert.True(givens.Overlaps(["Mohammed", "Muhammad"]));
    }

    [Fact]
    public void Households_TwinsShareBirthDateSurnameAndAddress()
    {
        Assert.True(population.Summary.Features["twinPairs"] > 0);
        var twins = population.Sink.Records
            .Where(r => r.Kind == Records.SourceKind.Gp && r.Errors == 0 && r.PersonAge < 18)
            .GroupBy(r => (r.PersonDateOfBirth, r.PersonFamily, r.Address))
            .Where(g => g.Select(r => r.PersonId).Distinct().Count() == 2)
            .ToList();
        Assert.NotEmpty(twins);
        Assert.Contains(twins, g => g.Select(r => r.PersonGiven).Distinct().Count() == 2);
    }

    [Fact]
    public void Households_FathersAndSonsShareFullName()
    {
        Assert.True(population.Summary.Features["fatherSonSameName"] > 0);
        var pairs = People.GroupBy(p => (p.GivenName, p.MiddleNames, p.FamilyName))
            .Count(g => g.Any(p => p.Age < 18 && p.Sex == 'M') && g.Any(p => p.Age >= 30 && p.Sex == 'M'));
        Assert.True(pairs > 0);
    }

    [GeneratedRegex("^(M|BL|OL|SK|WN|WA)[0-9]{1,2} [0-9][A-Z]{2}$")]
    private static partial Regex GmPostcode();
}
