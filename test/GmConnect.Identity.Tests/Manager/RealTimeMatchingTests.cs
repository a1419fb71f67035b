using GmConnect.Identity.Manager;
using GmConnect.Storage;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>Submitting records one at a time: link, review, new person, unchanged, changed — and what survives a restart.</summary>
public sealed class RealTimeMatchingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_FirstRecord_FoundsAPersonAndIsKeptAsReceived()
    {
        await using var index = await TestIndex.CreateAsync();
        var record = TestPeople.Amelia();

        var outcome = await index.Manager.SubmitAsync(record, Ct);
        var stored = await index.Manager.GetRecordAsync(record.Key, Ct);

        Assert.Equal(MatchDecision.NewPerson, outcome.Decision);
        Assert.NotNull(stored);
        Assert.Equal(record, stored.Record);
        Assert.Equal(1, stored.Version);
        Assert.Equal(LinkMethod.Founding, stored.Link.Method);
        Assert.Equal(outcome.PersonId, stored.PersonId);
        Assert.Equal(new RecordIdentifier("urn:gmconnect:source:gp:P84001", "g1"), stored.Identifiers[0]);
        Assert.Contains(stored.Identifiers, i => i.System == IdentifierSystems.NhsNumber && i.Valid);
    }

    [Fact]
    public async Task Submit_SameContentTwice_Unchanged()
    {
        await using var index = await TestIndex.CreateAsync();
        var first = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);

        var second = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);

        Assert.Equal(MatchDecision.Unchanged, second.Decision);
        Assert.Equal(first.PersonId, second.PersonId);
        Assert.Equal(1, (await index.Manager.GetRecordAsync(TestPeople.Amelia().Key, Ct))!.Version);
    }

    [Fact]
    public async Task Submit_SamePersonInAnotherSource_LinksAutomaticallyWithScoreAndModel()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);

        var school = await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7") with { Phone = null, MiddleNames = null }, Ct);
        var stored = await index.Manager.GetRecordAsync(new SourceRecordKey("school:3524001", "pupil-7"), Ct);

        Assert.Equal(MatchDecision.LinkedAutomatically, school.Decision);
        Assert.Equal(gp.PersonId, school.PersonId);
        Assert.Equal(LinkMethod.Automatic, stored!.Link.Method);
        Assert.True(stored.Link.Score >= index.Options.UpperThreshold);
        Assert.Equal(index.Manager.ModelVersion, stored.Link.ModelVersion);
    }

    [Fact]
    public async Task Submit_ValidNhsNumbersDisagree_NeverLinked()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);

        // A twin: every demographic the same, a different (valid) NHS number.
        var twin = await index.Manager.SubmitAsync(TestPeople.Amelia("acute:RW3", "a1") with { NhsNumber = TestPeople.NhsNumber(2) }, Ct);

        Assert.NotEqual(gp.PersonId, twin.PersonId);
        Assert.Equal(MatchDecision.NewPerson, twin.Decision);
        Assert.Null(twin.ReviewTaskId);
    }

    [Fact]
    public async Task Submit_Uncertain_FoundsOwnPersonAndOpensReviewWithExplanation()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);

        // No identifiers, no phone, a different postcode in the same sector: plausible, not certain.
        var uncertain = await index.Manager.SubmitAsync(new IdentityRecord
        {
            Source = "la:352:socialcare",
            RecordId = "c-88",
            GivenName = "Amelia",
            FamilyName = "Okonkwo",
            DateOfBirth = new DateOnly(2012, 3, 14),
            Postcode = "M13 9QQ",
        }, Ct);
        var task = uncertain.ReviewTaskId is { } id ? await index.Manager.GetReviewTaskAsync(id, Ct) : null;

        Assert.Equal(MatchDecision.ReviewOpened, uncertain.Decision);
        Assert.NotEqual(gp.PersonId, uncertain.PersonId);
        Assert.NotNull(task);
        Assert.Equal(ReviewStatus.Open, task.Status);
        Assert.Equal(uncertain.Key, task.Record.Record.Key);
        Assert.Equal(TestPeople.Amelia().Key, task.Candidate.Record.Key);
        Assert.InRange(task.Probability, index.Options.LowerThreshold, index.Options.UpperThreshold);
        Assert.Contains("\"contributions\"", task.ExplanationJson, StringComparison.Ordinal);
        Assert.Contains("date_of_birth", task.ExplanationJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NobodyAlike_NewPerson()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(10);

        var outcome = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);

        Assert.Equal(MatchDecision.NewPerson, outcome.Decision);
        Assert.Equal(11, (await index.ReopenAsync()).RecordCount);
    }

    [Fact]
    public async Task Submit_ChangedRecordStillAlike_NewVersionSamePerson()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7"), Ct);

        var moved = await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7") with { Postcode = "M14 4AA" }, Ct);
        var versions = await index.Manager.VersionsAsync(new SourceRecordKey("school:3524001", "pupil-7"), Ct);

        Assert.Equal(MatchDecision.UpdatedInPlace, moved.Decision);
        Assert.Equal(gp.PersonId, moved.PersonId);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("M13 9PL", versions[0].Record.Postcode);
    }

    [Fact]
    public async Task Submit_ChangedRecordNowSomeoneElse_LeavesItsPerson()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7"), Ct);

        // The school corrects a mix-up: the record was someone else all along.
        var corrected = await index.Manager.SubmitAsync(TestPeople.Stranger(500) with { Source = "school:3524001", RecordId = "pupil-7" }, Ct);
        var person = await index.Manager.GetPersonAsync(gp.PersonId, Ct);
        var history = await index.Manager.HistoryAsync(gp.PersonId, Ct);

        Assert.NotEqual(gp.PersonId, corrected.PersonId);
        Assert.Equal([TestPeople.Amelia().Key], person!.Records.Select(r => r.Record.Key));
        Assert.Contains(history, h => h.Kind == HistoryKind.Unlink && h.Record == corrected.Key);
    }

    [Fact]
    public async Task Reopen_AfterChanges_RebuildsTheSameIndexFromTheStore()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7"), Ct);
        var before = await index.Manager.GetPersonAsync(gp.PersonId, Ct);

        var reopened = await index.ReopenAsync();
        var after = await reopened.GetPersonAsync(gp.PersonId, Ct);
        var again = await reopened.SubmitAsync(TestPeople.Amelia("acute:RW3", "a9"), Ct);

        Assert.Equal(Snapshots.Of(before), Snapshots.Of(after));
        Assert.Equal(MatchDecision.LinkedAutomatically, again.Decision);
        Assert.Equal(gp.PersonId, again.PersonId);
    }

    [Fact]
    public async Task Resolve_ByEveryKindOfIdentifier_FindsThePerson()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        var nhs = TestPeople.NhsNumber(1);
        var spaced = $"{nhs[..3]} {nhs[3..6]} {nhs[6..]}";

        var bySource = await index.Manager.ResolveAsync(IdentifierSystems.ForSource("gp:P84001"), "g1", Ct);
        var byNhs = await index.Manager.ResolveAsync(IdentifierSystems.NhsNumber, spaced, Ct);
        var byPerson = await index.Manager.ResolveAsync(IdentifierSystems.Person, gp.PersonId, Ct);
        var unknown = await index.Manager.ResolveAsync(IdentifierSystems.NhsNumber, TestPeople.NhsNumber(3), Ct);
        var invalid = await index.Manager.ResolveAsync(IdentifierSystems.NhsNumber, "1234567890", Ct);

        Assert.Equal(gp.PersonId, bySource!.PersonId);
        Assert.Equal(gp.PersonId, byNhs!.PersonId);
        Assert.Equal(gp.PersonId, byPerson!.PersonId);
        Assert.Null(unknown);
        Assert.Null(invalid);
    }

    [Fact]
    public async Task Resolve_NhsNumberOnTwoPersons_Ambiguous()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        // Someone else entirely, carrying the same NHS number (a data-entry error at the source).
        await index.Manager.SubmitAsync(TestPeople.Stranger(700) with { NhsNumber = TestPeople.NhsNumber(1) }, Ct);

        Assert.Null(await index.Manager.ResolveAsync(IdentifierSystems.NhsNumber, TestPeople.NhsNumber(1), Ct));
    }

    [Fact]
    public async Task Submit_BadSex_Invalid()
    {
        await using var index = await TestIndex.CreateAsync();

        var error = await Assert.ThrowsAsync<IdentityException>(() => index.Manager.SubmitAsync(TestPeople.Amelia() with { Sex = "female" }, Ct));

        Assert.Equal(IdentityError.Invalid, error.Error);
    }

    [Fact]
    public async Task Submit_OnPostgres_LinksAndSurvivesReopen()
    {
        await using var index = await TestIndex.CreateAsync(StoreProvider.PostgreSql);
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        var school = await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7"), Ct);

        var reopened = await index.ReopenAsync();

        Assert.Equal(gp.PersonId, school.PersonId);
        Assert.Equal(2, (await reopened.GetPersonAsync(gp.PersonId, Ct))!.Records.Count);
    }
}
