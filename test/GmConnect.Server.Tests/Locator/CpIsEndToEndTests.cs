using System.Net;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Tokens;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Tests;
using GmConnect.Notifications.Tests;
using GmConnect.Server.Tests.Fhir;
using GmConnect.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using static GmConnect.Server.Tests.Adversarial.LocatorExchange;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Locator;

/// <summary>
/// CP-IS end to end, over HTTP, with the server's own dispatcher: a local authority publishes a child protection plan
/// and subscribes to the child; a hospital trust's emergency department publishes an A&amp;E attendance pointer for
/// the child; the local authority's rest-hook endpoint (a real Kestrel listener on loopback) is notified, after a
/// first failed delivery is retried.
/// </summary>
public sealed class CpIsEndToEndTests : IAsyncLifetime
{
    private ExchangeFactory _exchange = null!;
    private Receiver _localAuthority = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var identity = new FakeIdentityManager();
        identity.AddPerson("p-child", (Nhs, ChildNhs));
        identity.AddPerson("p-other", (Nhs, "4010232137"));
        _localAuthority = await Receiver.StartAsync();
        _localAuthority.FailFirst = 1;
        _exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite, s => s.AddSingleton<IIdentityManager>(identity), new Dictionary<string, string?>
        {
            ["Notifications:AllowInsecureEndpoints"] = "true",
            ["Notifications:PollInterval"] = "00:00:00.100",
            ["Notifications:InitialBackoff"] = "00:00:00.100",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _exchange.DisposeAsync();
        await _localAuthority.DisposeAsync();
    }

    private HttpClient As(string practitioner, string organisation, string role, Purpose purpose)
    {
        var client = _exchange.CreateClient();
        var token = _exchange.Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(practitioner, organisation, role, purpose, TimeSpan.FromMinutes(10));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Polls until <paramref name="done"/> (at most a minute: a bound for a loaded machine, not a speed check).</summary>
    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _exchange.Services.GetRequiredService<Store>().OpenConnectionAsync(Ct);
        await using var command = connection.Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task AeAttendancePointer_ForAChildOnAProtectionPlan_NotifiesTheLocalAuthorityAfterARetry()
    {
        var socialWorker = As("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding);
        var clinician = As("demo-clinician-r0a", "ods:R0A", "clinician", Purpose.DirectCare);
        await PublishAsync(socialWorker, "child-protection-plan");
        await UntilAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM notif_event WHERE expanded = 0") == 0); // the plan's own event is behind us
        var subscription = await FhirHttp.ReadAsync<Subscription>(await socialWorker.PostAsync("/fhir/Subscription", FhirHttp.Json(new Subscription
        {
            Status = Subscription.SubscriptionStatus.Requested,
            Reason = "CP-IS: unscheduled care for a child on a protection plan",
            Criteria = $"DocumentReference?subject:identifier={Nhs}|{ChildNhs}",
            Channel = new Subscription.ChannelComponent { Type = Subscription.SubscriptionChannelType.RestHook, Endpoint = _localAuthority.Url("/cp-is"), Payload = "application/json" },
        }), Ct), HttpStatusCode.Created);

        var attendance = await PublishAsync(clinician, "ae-attendance");
        await PublishAsync(clinician, "ae-attendance", "4010232137"); // another child: no plan, no subscription

        // The server's dispatcher delivers in the background; wait (bounded) for the retried delivery.
        await UntilAsync(() => Task.FromResult(_localAuthority.Received.Count >= 2));

        await Task.Delay(500, Ct); // anything more that was going to arrive (a duplicate, the other child) would by now
        var received = _localAuthority.Received.ToList();
        Assert.Equal([503, 200], received.Select(r => r.Status));
        Assert.All(received, r => Assert.Equal("/cp-is", r.Path));
        var body = received[1].Body;
        Assert.Equal(("p-child", "DocumentReference/" + attendance, "ae-attendance", "ods:R0A", "Subscription/" + subscription.Id),
            (body.GetProperty("person").GetString(), body.GetProperty("pointer").GetString(), body.GetProperty("recordType").GetString(),
                body.GetProperty("custodian").GetString(), body.GetProperty("subscription").GetString()));
        Assert.Equal(received[0].Body.GetProperty("id").GetString(), body.GetProperty("id").GetString());
    }
}
