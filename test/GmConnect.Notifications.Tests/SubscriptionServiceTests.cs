using GmConnect.Governance.Decisions;
using GmConnect.Notifications.Delivery;
using GmConnect.Notifications.Subscriptions;
using GmConnect.Storage;

namespace GmConnect.Notifications.Tests;

public sealed class SubscriptionServiceTests : IAsyncLifetime
{
    private static readonly AccessRequest Manchester = new("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding, AccessAction.Read);
    private static readonly AccessRequest Salford = new("demo-sw-355", "dfe:355", "social-worker", Purpose.Safeguarding, AccessAction.Read);

    private TestNotifications _n = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _n = await TestNotifications.StartAsync(StoreProvider.Sqlite);

    public async ValueTask DisposeAsync() => await _n.DisposeAsync();

    [Fact]
    public async Task Create_OnAPerson_ResolvesTheIdentifierToThePersonKey_AndOnlyTheOwnerSeesOrDeletesIt()
    {
        _n.People["https://fhir.nhs.uk/Id/nhs-number|9434765919"] = "person-42";

        var created = (await _n.Subscriptions.CreateAsync(new SubscriptionRequest(Manchester, "DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919", "https://la.example/hook"), Ct)).Subscription!;

        Assert.Equal(("person-42", "dfe:352", SubscriptionStatus.Active), (created.PersonKey, created.OwnerOrganisationId, created.Status));
        Assert.NotNull(await _n.Subscriptions.GetAsync(created.Id, "dfe:352", Ct));
        Assert.Null(await _n.Subscriptions.GetAsync(created.Id, "dfe:355", Ct));
        Assert.False(await _n.Subscriptions.DeleteAsync(created.Id, Salford, Ct));
        Assert.True(await _n.Subscriptions.DeleteAsync(created.Id, Manchester, Ct));
        Assert.Equal(SubscriptionStatus.Off, (await _n.Subscriptions.GetAsync(created.Id, "dfe:352", Ct))!.Status);
    }

    [Theory]
    [InlineData("Patient?name=x", "https://la.example/hook", "must start with 'DocumentReference?'")]
    [InlineData("DocumentReference?status=current", "https://la.example/hook", "Unsupported criteria parameter 'status'")]
    [InlineData("DocumentReference?subject:identifier=9434765919", "https://la.example/hook", "'system|value'")]
    [InlineData("DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|0000000000", "https://la.example/hook", "No person is known")]
    [InlineData("DocumentReference?type=http://snomed.info/sct|736253002", "https://la.example/hook", "record type codes")]
    [InlineData("DocumentReference?type=child-protection-plan", "not a url", "absolute http(s) URL")]
    public async Task Create_Unsupported_IsRefusedWithAReasonNamingNoValue(string criteria, string endpoint, string expected)
    {
        var result = await _n.Subscriptions.CreateAsync(new SubscriptionRequest(Manchester, criteria, endpoint), Ct);

        Assert.Null(result.Subscription);
        Assert.Contains(expected, result.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765919", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Criteria_TypesWithAndWithoutSystem_AreTheCodes()
    {
        Assert.True(SubscriptionCriteria.TryParse("DocumentReference?type=urn:gmconnect:record-type|child-protection-plan,missing-episode", out var criteria, out _));

        Assert.Equal(["child-protection-plan", "missing-episode"], criteria.RecordTypes);
        Assert.False(criteria.IsPerson);
    }

    [Fact]
    public void Options_OutOfRange_AreEachReported_AndBackoffDoublesToItsCap()
    {
        var bad = new NotificationOptions { MaxAttempts = 0, PollInterval = TimeSpan.Zero, InitialBackoff = TimeSpan.FromHours(2), MaxBackoff = TimeSpan.FromHours(1) };
        var good = new NotificationOptions { InitialBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(30) };

        Assert.Equal(3, bad.Validate().Count);
        Assert.Empty(good.Validate());
        Assert.Equal([5, 10, 20, 30, 30], Enumerable.Range(1, 5).Select(n => good.BackoffAfter(n).TotalSeconds));
    }
}
