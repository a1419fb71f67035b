using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>The review queue and a data steward's link, unlink, merge and unmerge, as a steward would use them.</summary>
public sealed class StewardshipTests
{
    private static readonly StewardAction Steward = new("steward-42", "checked with the school");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IdentityRecord Uncertain() => new()
    {
        Source = "la:352:socialcare",
        RecordId = "c-88",
        GivenName = "Amelia",
        FamilyName = "Okonkwo",
        DateOfBirth = new DateOnly(2012, 3, 14),
        Postcode = "M13 9QQ",
    };

    private static async Task<(TestIndex Index, MatchOutcome Gp, MatchOutcome Review)> WithReviewAsync()
    {
        var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        var review = await index.Manager.SubmitAsync(Uncertain(), Ct);
        Assert.Equal(MatchDecision.ReviewOpened, review.Decision);
        return (index, gp, review);
    }

    [Fact]
    public async Task DecideReview_SamePerson_LinksByHandAndOldPersonResolvesToSurvivor()
    {
        var (index, gp, review) = await WithReviewAsync();
        await using var _ = index;

        var task = await index.Manager.DecideReviewAsync(review.ReviewTaskId!.Value, ReviewDecision.SamePerson, Steward, Ct);
        var record = await index.Manager.GetRecordAsync(review.Key, Ct);
        var old = await index.Manager.ResolveAsync(IdentifierSystems.Person, review.PersonId, Ct);

        Assert.Equal(ReviewStatus.Decided, task.Status);
        Assert.Equal(ReviewDecision.SamePerson, task.Decision);
        Assert.Equal("steward-42", task.DecidedBy);
        Assert.Equal(index.Time.GetUtcNow(), task.DecidedAt);
        Assert.Equal(gp.PersonId, record!.PersonId);
        Assert.Equal(LinkMethod.Manual, record.Link.Method);
        Assert.Equal("steward-42", record.Link.By);
        Assert.Equal(gp.PersonId, old!.PersonId);
        Assert.Empty(await index.Manager.ListReviewTasksAsync(ReviewStatus.Open, 10, Ct));
    }

    [Fact]
    public async Task DecideReview_NotSamePerson_IsAHardConstraintAfterwards()
    {
        var (index, gp, review) = await WithReviewAsync();
        await using var _ = index;

        await index.Manager.DecideReviewAsync(review.ReviewTaskId!.Value, ReviewDecision.NotSamePerson, Steward, Ct);
        // The source later adds the very NHS number the GP holds: still never linked automatically.
        var resent = await index.Manager.SubmitAsync(Uncertain() with { NhsNumber = TestPeople.NhsNumber(1), Sex = "F" }, Ct);
        var byHand = await Assert.ThrowsAsync<IdentityException>(() => index.Manager.LinkAsync(review.Key, gp.PersonId, Steward, Ct));

        Assert.NotEqual(gp.PersonId, resent.PersonId);
        Assert.Equal(IdentityError.Conflict, byHand.Error);
    }

    [Fact]
    public async Task DecideReview_AlreadyDecided_Conflict()
    {
        var (index, _, review) = await WithReviewAsync();
        await using var __ = index;
        await index.Manager.DecideReviewAsync(review.ReviewTaskId!.Value, ReviewDecision.NotSamePerson, Steward, Ct);

        var error = await Assert.ThrowsAsync<IdentityException>(() => index.Manager.DecideReviewAsync(review.ReviewTaskId!.Value, ReviewDecision.SamePerson, Steward, Ct));

        Assert.Equal(IdentityError.Conflict, error.Error);
    }

    [Fact]
    public async Task ListReviewTasks_Open_ShowsBothRecordsSideBySide()
    {
        var (index, _, review) = await WithReviewAsync();
        await using var _ = index;

        var task = Assert.Single(await index.Manager.ListReviewTasksAsync(ReviewStatus.Open, 10, Ct));

        Assert.Equal(review.ReviewTaskId, task.Id);
        Assert.Equal(Uncertain(), task.Record.Record);
        Assert.Equal(TestPeople.Amelia(), task.Candidate.Record);
    }

    [Fact]
    public async Task Unlink_Record_NeverLinkedBackAutomatically()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);
        var school = await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7"), Ct);
        Assert.Equal(gp.PersonId, school.PersonId);

        var entry = await index.Manager.UnlinkAsync(school.Key, Steward, Ct);
        var resent = await index.Manager.SubmitAsync(TestPeople.Amelia("school:3524001", "pupil-7") with { Phone = "07700 900999" }, Ct);
        var reopened = await index.ReopenAsync();
        var after = await reopened.GetRecordAsync(school.Key, Ct);

        Assert.Equal(HistoryKind.Unlink, entry.Kind);
        Assert.Equal(gp.PersonId, entry.PersonId);
        Assert.NotEqual(gp.PersonId, resent.PersonId);
        Assert.NotEqual(gp.PersonId, after!.PersonId);
        Assert.Equal(entry.OtherPersonId, after.PersonId);
    }

    [Fact]
    public async Task Unlink_OnlyRecord_Conflict()
    {
        await using var index = await TestIndex.CreateAsync();
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);

        var error = await Assert.ThrowsAsync<IdentityException>(() => index.Manager.UnlinkAsync(gp.Key, Steward, Ct));

        Assert.Equal(IdentityError.Conflict, error.Error);
    }

    [Fact]
    public async Task Merge_ThenHistory_RecordsWhoWhenWhyOnBothPersons()
    {
        await using var index = await TestIndex.CreateAsync();
        var a = await index.Manager.SubmitAsync(TestPeople.Stranger(1), Ct);
        var b = await index.Manager.SubmitAsync(TestPeople.Stranger(2) with { NhsNumber = null }, Ct);

        var merge = await index.Manager.MergeAsync(a.PersonId, b.PersonId, Steward, Ct);
        var merged = await index.Manager.GetPersonAsync(b.PersonId, Ct);
        var survivor = await index.Manager.GetPersonAsync(a.PersonId, Ct);
        var historyOfB = await index.Manager.HistoryAsync(b.PersonId, Ct);

        Assert.Equal(a.PersonId, merged!.MergedInto);
        Assert.Empty(merged.Records);
        Assert.Equal(2, survivor!.Records.Count);
        Assert.Equal(HistoryKind.Merge, historyOfB[^1].Kind);
        Assert.Equal(merge.Sequence, historyOfB[^1].Sequence);
        Assert.Equal("steward-42", historyOfB[^1].By);
        Assert.Equal("checked with the school", historyOfB[^1].Reason);
        Assert.Equal(index.Time.GetUtcNow(), historyOfB[^1].At);
    }

    [Fact]
    public async Task Merge_ConflictingValidNhsNumbers_Conflict()
    {
        await using var index = await TestIndex.CreateAsync();
        var a = await index.Manager.SubmitAsync(TestPeople.Stranger(1), Ct);
        var b = await index.Manager.SubmitAsync(TestPeople.Stranger(2), Ct);

        var error = await Assert.ThrowsAsync<IdentityException>(() => index.Manager.MergeAsync(a.PersonId, b.PersonId, Steward, Ct));

        Assert.Equal(IdentityError.Conflict, error.Error);
    }

    [Fact]
    public async Task Unmerge_Twice_Conflict()
    {
        await using var index = await TestIndex.CreateAsync();
        var a = await index.Manager.SubmitAsync(TestPeople.Stranger(1), Ct);
        var b = await index.Manager.SubmitAsync(TestPeople.Stranger(2) with { NhsNumber = null }, Ct);
        var merge = await index.Manager.MergeAsync(a.PersonId, b.PersonId, Steward, Ct);
        var undo = await index.Manager.UnmergeAsync(merge.Sequence, Steward, Ct);

        var error = await Assert.ThrowsAsync<IdentityException>(() => index.Manager.UnmergeAsync(merge.Sequence, Steward, Ct));

        Assert.Equal(HistoryKind.Unmerge, undo.Kind);
        Assert.Equal(IdentityError.Conflict, error.Error);
        Assert.Null((await index.Manager.GetPersonAsync(b.PersonId, Ct))!.MergedInto);
    }

    [Fact]
    public async Task Steward_WithoutReason_Invalid()
    {
        await using var index = await TestIndex.CreateAsync();
        var a = await index.Manager.SubmitAsync(TestPeople.Stranger(1), Ct);
        var b = await index.Manager.SubmitAsync(TestPeople.Stranger(2), Ct);

        var error = await Assert.ThrowsAsync<IdentityException>(() => index.Manager.MergeAsync(a.PersonId, b.PersonId, new StewardAction("steward-42", " "), Ct));

        Assert.Equal(IdentityError.Invalid, error.Error);
    }
}
