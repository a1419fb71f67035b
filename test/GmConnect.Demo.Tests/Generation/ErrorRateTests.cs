using System.Text.RegularExpressions;
using GmConnect.Demo.Records;

namespace GmConnect.Demo.Tests.Generation;

public sealed partial class ErrorRateTests(Population20k population) : IClassFixture<Population20k>
{
    public static TheoryData<ErrorType> AllTypes => [.. Enum.GetValues<ErrorType>()];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Summary_20kRun_AppliedShareMatchesConfiguredRate(ErrorType type)
    {
        var count = population.Summary.Errors[type.ToString()];
        var rate = ErrorRates.Default.For(type);
        Assert.Equal(rate, count.Rate);
        Assert.True(count.Opportunities > 100, $"{type}: only {count.Opportunities} opportunities");
        Assert.True(count.Applied > 0, $"{type} never applied");

        // Binomial: the observed share lies within five standard deviations of the rate.
        var observed = (double)count.Applied / count.Opportunities;
        var sd = Math.Sqrt(rate * (1 - rate) / count.Opportunities);
        Assert.InRange(observed, rate - (5 * sd) - 0.001, rate + (5 * sd) + 0.001);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Records_FlaggedCountEqualsSummaryApplied(ErrorType type) =>
        Assert.Equal(population.Summary.Errors[type.ToString()].Applied, population.Sink.Records.Count(r => r.Has(type)));

    [Fact]
    public void Generate_RateRaised_AppliedRisesAccordingly()
    {
        var rates = ErrorRates.Default with { SwappedNames = 0.25 };
        var (_, summary) = ListSink.Generate(new PopulationOptions { People = 3_000, Seed = 5, Rates = rates });
        var count = summary.Errors[nameof(ErrorType.SwappedNames)];
        Assert.InRange((double)count.Applied / count.Opportunities, 0.22, 0.28);
    }

    [Fact]
    public void Generate_NoErrors_EveryRecordIsAFaithfulCopy()
    {
        var (sink, summary) = ListSink.Generate(new PopulationOptions { People = 3_000, Seed = 9, Rates = ErrorRates.None });
        Assert.All(summary.Errors.Values, e => Assert.Equal(0, e.Applied));
        Assert.All(sink.Records, r =>
        {
            Assert.Equal(0, r.Errors);
            Assert.Equal(r.PersonGiven, r.GivenName);
            Assert.Equal(r.PersonFamily, r.FamilyName);
            Assert.Equal(r.PersonSex, r.Sex);
            Assert.True(r.DateOfBirth is null || r.DateOfBirth == r.PersonDateOfBirth);
            Assert.True(r.NhsNumber.Length == 0 || r.NhsNumber == r.PersonNhsNumber);
        });
    }

    [Fact]
    public void Records_DayMonthSwap_SwapsDayAndMonth()
    {
        var swapped = population.Sink.Records.Where(r => r.Has(ErrorType.DayMonthSwap) && r.DateOfBirth is not null).ToList();
        Assert.NotEmpty(swapped);
        Assert.All(swapped, r =>
        {
            Assert.Equal(r.PersonDateOfBirth.Day, r.DateOfBirth!.Value.Month);
            Assert.Equal(r.PersonDateOfBirth.Month, r.DateOfBirth.Value.Day);
        });
    }

    [Fact]
    public void Records_OtherDobError_NeverInTheFutureAndNeverTheCurrentYearInstead()
    {
        // Issue 3: a transposed year that would lie in the future (2008 -> 2080) used to be stored as the current
        // year (2025), which is no slip at all. Systems refuse a future date of birth; the error must stay a slip.
        var asOf = new PopulationOptions().AsOf;
        var mistyped = population.Sink.Records.Where(r => r.Has(ErrorType.OtherDobError) && r.DateOfBirth is not null).ToList();
        Assert.NotEmpty(mistyped);
        Assert.All(mistyped, r =>
        {
            Assert.True(r.DateOfBirth <= asOf, "a date of birth after the as-of date");
            Assert.NotEqual(r.PersonDateOfBirth, r.DateOfBirth);
            var years = Math.Abs(r.DateOfBirth!.Value.Year - r.PersonDateOfBirth.Year);
            var transposed = (r.PersonDateOfBirth.Year % 10 * 10) + (r.PersonDateOfBirth.Year / 10 % 10) + (r.PersonDateOfBirth.Year / 100 * 100);
            Assert.True(years <= 1 || years == 10 || r.DateOfBirth.Value.Year == transposed, $"year {r.PersonDateOfBirth.Year} became {r.DateOfBirth.Value.Year}");
        });
    }

    [Fact]
    public void Records_BabyPlaceholder_OnlyForInfantsInHealthRecords()
    {
        var babies = population.Sink.Records.Where(r => r.Has(ErrorType.BabyPlaceholderName)).ToList();
        Assert.NotEmpty(babies);
        Assert.All(babies, r =>
        {
            Assert.Equal(0, r.PersonAge);
            Assert.Contains(r.Kind, new[] { SourceKind.Gp, SourceKind.Acute });
        });
        Assert.Contains(babies, r => r.GivenName == "Baby" && r.FamilyName == r.PersonFamily);
    }

    [Fact]
    public void Records_SurnameChange_HoldFormerSurname()
    {
        var changed = population.Sink.Records.Where(r => r.Has(ErrorType.SurnameChange)).ToList();
        Assert.NotEmpty(changed);
        var former = changed.Count(r =>
            string.Equals(r.FamilyName.Trim(), population.Sink.People[r.PersonId].FormerFamilyName, StringComparison.OrdinalIgnoreCase));
        Assert.True(former > changed.Count / 2, "most records with a surname change should hold the former surname verbatim");
        Assert.All(changed, r => Assert.NotNull(population.Sink.People[r.PersonId].FormerFamilyName));
    }

    [Fact]
    public void Records_Placeholder_Are1900Or1901OrFirstJanuary()
    {
        var placeholders = population.Sink.Records.Where(r => r.Has(ErrorType.PlaceholderDob) && r.DateOfBirth is not null).ToList();
        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, r => Assert.True(
            r.DateOfBirth == new DateOnly(1900, 1, 1) || r.DateOfBirth == new DateOnly(1901, 1, 1) ||
            r.DateOfBirth == new DateOnly(r.PersonDateOfBirth.Year, 1, 1)));
    }

    [Fact]
    public void Records_Nicknames_UseTheNicknameTable()
    {
        var nicknamed = population.Sink.Records.Where(r => r.Has(ErrorType.Nickname)).ToList();
        Assert.NotEmpty(nicknamed);
        Assert.Contains(nicknamed, r => r.PersonGiven == "William" && r.GivenName.Trim() is "Bill" or "Will" or "Billy" or "Willy" or "Liam" or "BILL" or "WILL");
    }

    [Fact]
    public void Records_SourceColumn_MatchesFormatAndKind()
    {
        Assert.All(population.Sink.Records, r =>
        {
            Assert.Matches(SourcePattern(), r.Source);
            var expected = r.Kind switch
            {
                SourceKind.Gp => "gp:P",
                SourceKind.Acute => "acute:",
                SourceKind.Police => "police:gmp",
                SourceKind.School => "school:35",
                SourceKind.Dwp => "dwp",
                SourceKind.SocialCare => "la:35",
                SourceKind.Housing => "housing:la:35",
                _ => "victim-support",
            };
            Assert.StartsWith(expected, r.Source, StringComparison.Ordinal);
        });
    }

    [GeneratedRegex("^[A-Za-z0-9:._-]+$")]
    private static partial Regex SourcePattern();
}
