using GmConnect.Governance.Decisions;
using GmConnect.Notifications.Delivery;
using GmConnect.Notifications.Subscriptions;
using GmConnect.Storage;

namespace GmConnect.Notifications.Tests;

/// <summary>
/// The CP-IS demo: a local authority subscribes to each child on a child protection plan; when an emergency
/// department records an A&amp;E attendance pointer for such a child, the child's local authority is notified.
/// </summary>
/// <remarks>
/// The Record Locator is not merged on this branch, so the test plays its part: it calls
/// <see cref="Outbox.NotificationOutbox.EnqueueAsync"/> exactly as the Locator must when it creates a pointer (see the
/// Notifications README, "What the host wires").
/// </remarks>
public sealed class CpIsScenarioTests : IAsyncLifetime
{
    private const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";

    private TestNotifications _n = null!;
    private Receiver _manchester = null!;
    private Receiver _salford = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _n = await TestNotifications.StartAsync(StoreProvider.Sqlite);
        _manchester = await Receiver.StartAsync();
        _salford = await Receiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _manchester.DisposeAsync();
        await _salford.DisposeAsync();
        await _n.DisposeAsync();
    }

    [Fact]
    public async Task AeAttendance_ForAChildOnAManchesterPlan_NotifiesManchesterOnly()
    {
        _n.People[NhsNumber + "|9434765919"] = "child-on-plan";
        _n.People[NhsNumber + "|9434765870"] = "other-child";
        var manchester = new AccessRequest("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding, AccessAction.Read);
        var salford = new AccessRequest("demo-sw-355", "dfe:355", "social-worker", Purpose.Safeguarding, AccessAction.Read);
        var subscribed = await _n.Subscriptions.CreateAsync(
            new SubscriptionRequest(manchester, $"DocumentReference?subject:identifier={NhsNumber}|9434765919", _manchester.Url("/cp-is")), Ct);
        await _n.Subscriptions.CreateAsync(
            new SubscriptionRequest(salford, $"DocumentReference?subject:identifier={NhsNumber}|9434765870", _salford.Url("/cp-is")), Ct);

        // Manchester University NHS FT's emergency department records the attendance (the Locator's pointer create).
        await _n.Outbox.EnqueueAsync(_n.PointerCreated("R0A-ae-20261128-1", "child-on-plan", "a-and-e-attendance", "unscheduled-care-attendance", "ods:R0A"), cancellationToken: Ct);
        await _n.Dispatcher.DispatchOnceAsync(Ct);

        var (path, body, status) = Assert.Single(_manchester.Received);
        Assert.Equal(("/cp-is", 200), (path, status));
        Assert.Equal(("child-on-plan", "DocumentReference/R0A-ae-20261128-1", "a-and-e-attendance", "ods:R0A", "Subscription/" + subscribed.Subscription!.Id),
            (body.GetProperty("person").GetString(), body.GetProperty("pointer").GetString(), body.GetProperty("recordType").GetString(),
             body.GetProperty("custodian").GetString(), body.GetProperty("subscription").GetString()));
        Assert.Empty(_salford.Received);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(await _n.Dispatcher.DeliveriesAsync(cancellationToken: Ct)).Status);
    }
}
