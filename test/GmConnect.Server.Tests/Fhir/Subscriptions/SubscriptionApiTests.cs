using System.Net;
using GmConnect.Storage;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Fhir.Subscriptions;

/// <summary>FHIR Subscription from the HTTP side: create, read and delete an organisation's own rest-hook subscriptions.</summary>
public sealed class SubscriptionApiTests : IAsyncLifetime
{
    private ExchangeFactory _exchange = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);

    public async ValueTask DisposeAsync() => await _exchange.DisposeAsync();

    [Fact]
    public async Task PostGetDelete_OwnSubscription_CreatedReadableByOwnerOnlyThenOff()
    {
        var manchester = _exchange.CreateClientAs("demo-sw-352", "dfe:352");
        var salford = _exchange.CreateClientAs("demo-sw-355", "dfe:355");

        var created = await FhirHttp.ReadAsync<Subscription>(
            await manchester.PostAsync("/fhir/Subscription", FhirHttp.Json(RestHook("DocumentReference?type=child-protection-plan", "https://la352.example/hook")), Ct),
            HttpStatusCode.Created);
        var read = await FhirHttp.ReadAsync<Subscription>(await manchester.GetAsync($"/fhir/Subscription/{created.Id}", Ct));
        var byOther = await salford.GetAsync($"/fhir/Subscription/{created.Id}", Ct);
        var deleteByOther = await salford.DeleteAsync($"/fhir/Subscription/{created.Id}", Ct);
        var deleted = await manchester.DeleteAsync($"/fhir/Subscription/{created.Id}", Ct);
        var after = await FhirHttp.ReadAsync<Subscription>(await manchester.GetAsync($"/fhir/Subscription/{created.Id}", Ct));

        Assert.Equal((Subscription.SubscriptionStatus.Active, "DocumentReference?type=child-protection-plan", "https://la352.example/hook"),
            (read.Status, read.Criteria, read.Channel.Endpoint));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NoContent), (byOther.StatusCode, deleteByOther.StatusCode, deleted.StatusCode));
        Assert.Equal(Subscription.SubscriptionStatus.Off, after.Status);
    }

    [Theory]
    [InlineData("DocumentReference?type=child-protection-plan", "http://la352.example/hook", "https")]
    [InlineData("DocumentReference?category=care-plan", "https://la352.example/hook", "Unsupported criteria parameter")]
    public async Task Post_Unsupported_Is400WithTheReason(string criteria, string endpoint, string expected)
    {
        var response = await _exchange.CreateClientAs().PostAsync("/fhir/Subscription", FhirHttp.Json(RestHook(criteria, endpoint)), Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WebSocketChannel_Is400NotSupported()
    {
        var subscription = RestHook("DocumentReference?type=child-protection-plan", "https://la352.example/hook");
        subscription.Channel.Type = Subscription.SubscriptionChannelType.Websocket;

        var response = await _exchange.CreateClientAs().PostAsync("/fhir/Subscription", FhirHttp.Json(subscription), Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.BadRequest);
        Assert.Equal(OperationOutcome.IssueType.NotSupported, outcome.Issue[0].Code);
    }

    private static Subscription RestHook(string criteria, string endpoint) => new()
    {
        Status = Subscription.SubscriptionStatus.Requested,
        Reason = "CP-IS: unscheduled care for children on plans",
        Criteria = criteria,
        Channel = new Subscription.ChannelComponent { Type = Subscription.SubscriptionChannelType.RestHook, Endpoint = endpoint, Payload = "application/json" },
    };
}
