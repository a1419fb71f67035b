using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using static GmConnect.Server.Tests.Adversarial.LocatorExchange;

namespace GmConnect.Server.Tests.Locator;

/// <summary>
/// The host joins the Locator to Notifications: a pointer published over FHIR is written to the notification outbox
/// in the same transaction (the CP-IS path: an attendance pointer reaches the subscribers of the child).
/// </summary>
public sealed class PointerNotificationTests : IAsyncLifetime
{
    private Adversarial.LocatorExchange _exchange = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _exchange = await StartAsync();

    public ValueTask DisposeAsync() => _exchange.DisposeAsync();

    [Fact]
    public async Task Publish_Pointer_IsInTheNotificationOutboxForItsPerson()
    {
        var id = await PublishAsync(_exchange.ManchesterSocialWorker(), "child-protection-plan");

        var store = _exchange.Services.GetRequiredService<Store>();
        var connection = await store.OpenConnectionAsync(Ct);
        await using (connection)
        {
            var command = connection.Command("SELECT kind, person_key, record_type, custodian_id FROM notif_event WHERE pointer_id = @id").With("id", id);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            Assert.True(await reader.ReadAsync(Ct), "the pointer's event is in the outbox");
            Assert.Equal("pointer-created", reader.GetString(0));
            var person = await _exchange.Identity.ResolveAsync(Nhs, ChildNhs, Ct);
            Assert.Equal(person!.PersonId, reader.GetString(1));
            Assert.Equal("child-protection-plan", reader.GetString(2));
            Assert.Equal("dfe:352", reader.GetString(3));
            Assert.False(await reader.ReadAsync(Ct), "one event per pointer");
        }
    }
}
