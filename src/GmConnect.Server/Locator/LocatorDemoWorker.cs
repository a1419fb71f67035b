using GmConnect.Identity.Manager;
using GmConnect.Integration.IdentityFeed;
using GmConnect.Locator.Demo;
using GmConnect.Server.Hosting;
using Microsoft.Extensions.Options;

namespace GmConnect.Server.Locator;

/// <summary>
/// Seeds the Locator's demo (pointers, involvements, content) once the demo people have reached the Identity
/// Manager: involvements and content need the person known, and on first run the identity feed fills the index in
/// the background, after the host has started. So this waits for one catch-up of the feed (catch-ups are serialised
/// by the consumer), then seeds — in the background too, so the exchange answers while it runs. When the feed is
/// off, <see cref="LocatorDemo.SeedLocatorDemoAsync"/> seeds before start instead.
/// </summary>
internal sealed class LocatorDemoWorker(
    IServiceProvider services, IOptions<DemoOptions> demo, IOptions<IdentityFeedOptions> feed, ILogger<LocatorDemoWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Value.SeedOnFirstRun || !feed.Value.Enabled || services.GetService<IIdentityManager>() is null)
        {
            return;
        }

        try
        {
            // Let the host finish starting first.
            await Task.Yield();
            Log.LocatorDemoWaiting(logger);
            await services.GetRequiredService<IdentityFeedConsumer>().CatchUpAsync(stoppingToken);
            await services.GetRequiredService<LocatorDemoSeeder>().SeedIfEmptyAsync(Path.GetFullPath(demo.Value.Directory), cancellationToken: stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Log.LocatorDemoFailed(logger, e.GetType().FullName ?? "Exception");
        }
    }
}
