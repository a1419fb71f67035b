using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>PDQ demographic search (exact and fuzzy) and <c>$match</c>, from the caller's side.</summary>
public sealed class SearchAndMatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestIndex> PopulatedAsync()
    {
        var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7"), Ct);
        return index;
    }

    [Fact]
    public async Task Search_Exact_MatchesAfterNormalisationOnly()
    {
        await using var index = await PopulatedAsync();

        var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = " OKONKWO ", GivenName = "amelia", DateOfBirth = new DateOnly(2012, 3, 14) }, Ct);
        var typo = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Okonkwoo", GivenName = "Amelia" }, Ct);
        var wrongDay = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Okonkwo", DateOfBirth = new DateOnly(2012, 3, 15) }, Ct);

        Assert.Equal(["gp:P84001|g1", "school:3524001|pupil-7"], hits.Select(h => h.Record.Record.Key.ToString()));
        Assert.All(hits, h => Assert.Equal(MatchGrade.Certain, h.Grade));
        Assert.Contains("family_name: exact", hits[0].Why);
        Assert.Empty(typo);
        Assert.Empty(wrongDay);
    }

    [Fact]
    public async Task Search_Fuzzy_FindsATypoScoredWithWhy()
    {
        await using var index = await PopulatedAsync();

        var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Okonkwoo", GivenName = "Amelia", DateOfBirth = new DateOnly(2012, 3, 14), Mode = SearchMode.Fuzzy, Limit = 5 }, Ct);

        Assert.NotEmpty(hits);
        Assert.Equal("Okonkwo", hits[0].Record.Record.FamilyName);
        Assert.NotNull(hits[0].Weight);
        Assert.InRange(hits[0].Probability, 0, 1);
        Assert.Contains(hits[0].Why, w => w.StartsWith("family_name: ", StringComparison.Ordinal) && w != "family_name: exact");
        Assert.True(hits.Count <= 5);
        Assert.Equal(hits.OrderByDescending(h => h.Weight).Select(h => h.Record.Record.Key), hits.Select(h => h.Record.Record.Key));
    }

    [Fact]
    public async Task Search_Fuzzy_DayAndMonthSwapped_FindsThePersonFirst()
    {
        await using var index = await WithNiamhAsync();

        var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Brennan", GivenName = "Niamh", DateOfBirth = new DateOnly(1983, 9, 4), Mode = SearchMode.Fuzzy }, Ct);

        Assert.Equal(["acute:RW3|n2", "gp:P84001|n1"], hits.Take(2).Select(h => h.Record.Record.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(hits.Take(2), h => Assert.Contains("date_of_birth: date day month swapped", h.Why));
        Assert.All(hits.Skip(2), h => Assert.True(h.Weight < hits[1].Weight));
    }

    [Fact]
    public async Task Search_Fuzzy_Nickname_FindsThePersonFirst()
    {
        await using var index = await PopulatedAsync();

        var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Okonkwo", GivenName = "Millie", DateOfBirth = new DateOnly(2012, 3, 14), Mode = SearchMode.Fuzzy }, Ct);

        Assert.Equal(["gp:P84001|g1", "school:3524001|pupil-7"], hits.Take(2).Select(h => h.Record.Record.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(hits.Take(2), h => Assert.Contains(h.Why, w => w.StartsWith("given_name: ", StringComparison.Ordinal) && w != "given_name: exact"));
    }

    [Fact]
    public async Task Search_Fuzzy_TypoAndSwappedDate_FoundThroughTheBlockingIndexAlone()
    {
        // No list of records sharing a value is taken (limit 0): the candidates come from the blocking index only, here
        // its rules applied to the date with day and month swapped, as the given name's typo breaks the rules on the names.
        await using var index = await WithNiamhAsync(new IdentityManagerOptions { FuzzyFieldListLimit = 0 });

        var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Brennan", GivenName = "Naimh", DateOfBirth = new DateOnly(1983, 9, 4), Mode = SearchMode.Fuzzy }, Ct);

        Assert.Equal(["acute:RW3|n2", "gp:P84001|n1"], hits.Take(2).Select(h => h.Record.Record.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(hits.Take(2), h => Assert.Contains("date_of_birth: date day month swapped", h.Why));
    }

    [Fact]
    public async Task Search_Fuzzy_OnlyACommonValue_StillAnswersFromItsList()
    {
        // Every value is shared by more records than the limit: nothing else gives a candidate, so the lists are walked.
        await using var index = await WithNiamhAsync(new IdentityManagerOptions { FuzzyFieldListLimit = 0 });

        var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Brennan", Mode = SearchMode.Fuzzy }, Ct);

        Assert.Equal(["acute:RW3|n2", "gp:P84001|n1"], hits.Select(h => h.Record.Record.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.Equal(["family_name: exact"], h.Why));
    }

    [Fact]
    public async Task Search_Fuzzy_RecordsSharingOnlyACommonSurname_NotReturned()
    {
        // Forty records share the surname and nothing else; with lists of up to ten taken whole, the surname's is not.
        await using var index = await WithNiamhAsync(new IdentityManagerOptions { FuzzyFieldListLimit = 10 });
        for (var i = 0; i < 40; i++)
        {
            await index.Manager.SubmitAsync(TestPeople.Stranger(100 + i) with { FamilyName = "Brennan" }, Ct);
        }

        var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Brennan", GivenName = "Niamh", DateOfBirth = new DateOnly(1983, 4, 9), Mode = SearchMode.Fuzzy }, Ct);

        Assert.Equal(["acute:RW3|n2", "gp:P84001|n1"], hits.Select(h => h.Record.Record.Key.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_Fuzzy_PersonKnown_OthersSharingSurnameAndBirthDateLeftOut()
    {
        // Five others share Niamh's surname and birth date: some evidence for each, but the model calls each a confident
        // non-match, and Niamh's own records are there to answer with.
        await using var index = await WithNiamhAsync();
        for (var i = 0; i < 5; i++)
        {
            await index.Manager.SubmitAsync(TestPeople.Stranger(200 + i) with { FamilyName = "Brennan", DateOfBirth = new DateOnly(1983, 4, 9) }, Ct);
        }

        var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Brennan", GivenName = "Niamh", DateOfBirth = new DateOnly(1983, 4, 9), Mode = SearchMode.Fuzzy }, Ct);

        Assert.Equal(["acute:RW3|n2", "gp:P84001|n1"], hits.Select(h => h.Record.Record.Key.ToString()).Order(StringComparer.Ordinal));
    }

    /// <summary>The populated index and Niamh Brennan, born 9 April 1983 (a day that can pass for a month), twice.</summary>
    private static async Task<TestIndex> WithNiamhAsync(IdentityManagerOptions? options = null)
    {
        var index = await TestIndex.CreateAsync(options: options);
        await index.AddStrangersAsync(40);
        await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        var niamh = new IdentityRecord
        {
            Source = "gp:P84001", RecordId = "n1", GivenName = "Niamh", FamilyName = "Brennan", Sex = "F", DateOfBirth = new DateOnly(1983, 4, 9), Postcode = "M14 5RT",
        };
        await index.Manager.SubmitAsync(niamh, Ct);
        await index.Manager.SubmitAsync(niamh with { Source = "acute:RW3", RecordId = "n2", Postcode = null }, Ct);
        return index;
    }

    [Fact]
    public async Task Search_NoField_Invalid()
    {
        await using var index = await PopulatedAsync();

        var error = await Assert.ThrowsAsync<IdentityException>(() => index.Manager.SearchAsync(new DemographicQuery(), Ct));

        Assert.Equal(IdentityError.Invalid, error.Error);
    }

    [Fact]
    public async Task Match_SamePerson_CertainAndNothingStored()
    {
        await using var index = await PopulatedAsync();
        var probe = TestPeople.Amelia("acute:RW3", "probe");

        var candidates = await index.Manager.MatchAsync(probe, 10, Ct);

        Assert.Equal(2, candidates.Count(c => c.Grade == MatchGrade.Certain));
        Assert.Null(await index.Manager.GetRecordAsync(probe.Key, Ct));
    }

    [Fact]
    public async Task Match_ValidNhsNumberDisagrees_CertainlyNot()
    {
        await using var index = await PopulatedAsync();
        var twin = TestPeople.Amelia("acute:RW3", "probe") with { NhsNumber = TestPeople.NhsNumber(2) };

        var candidates = await index.Manager.MatchAsync(twin, 10, Ct);

        Assert.NotEmpty(candidates);
        Assert.All(candidates.Where(c => c.Record.Record.FamilyName == "Okonkwo"), c => Assert.Equal(MatchGrade.CertainlyNot, c.Grade));
    }

    [Fact]
    public async Task Match_Partial_ProbableOrPossibleBelowCertain()
    {
        await using var index = await PopulatedAsync();
        var partial = new IdentityRecord { Source = "probe", RecordId = "1", GivenName = "Amelia", FamilyName = "Okonkwo", DateOfBirth = new DateOnly(2012, 3, 14) };

        var candidates = await index.Manager.MatchAsync(partial, 1, Ct);

        var best = Assert.Single(candidates);
        Assert.Equal("Okonkwo", best.Record.Record.FamilyName);
        Assert.Equal(best.Probability >= index.Options.UpperThreshold ? MatchGrade.Certain : best.Probability >= index.Options.LowerThreshold ? MatchGrade.Probable : MatchGrade.Possible, best.Grade);
    }
}
