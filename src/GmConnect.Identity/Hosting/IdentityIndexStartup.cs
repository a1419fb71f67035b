using GmConnect.Identity.Manager;
using Microsoft.Extensions.Hosting;

namespace GmConnect.Identity.Hosting;

/// <summary>Rebuilds the in-memory index from the store when the host starts (after the host has migrated the store).</summary>
internal sealed class IdentityIndexStartup(IdentityManager manager) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => manager.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
