using GmConnect.Identity.Manager;
using GmConnect.Integration;
using GmConnect.Integration.IdentityFeed;
using Microsoft.Extensions.Options;

namespace GmConnect.Server.Hosting;

/// <summary>
/// Runs Integration's <see cref="IdentityFeedConsumer"/> in the background: drains the change feed into the
/// Identity Manager, then polls. Starts after the store is prepared (the demo seeding runs before the host
/// starts), so the demo people reach the index on first run. A failure is logged and retried after the interval;
/// the cursor makes the retry carry on where it stopped.
/// </summary>
internal sealed class IdentityFeedWorker(IServiceProvider services, IOptions<IdentityFeedOptions> options, TimeProvider time, ILogger<IdentityFeedWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        if (services.GetService<IIdentityManager>() is null)
        {
            Log.IdentityFeedNoIndex(logger);
            return;
        }

        var consumer = services.GetRequiredService<IdentityFeedConsumer>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await consumer.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.IdentityFeedFailed(logger, e.GetType().FullName ?? "Exception");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Registration of the identity feed for the host.</summary>
internal static class IdentityFeedHosting
{
    public static IServiceCollection AddIdentityFeedWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityFeedOptions>().Bind(configuration.GetSection(IdentityFeedOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "IdentityFeed:PollInterval must be positive.").ValidateOnStart();
        services.AddIdentityFeed();
        services.AddHostedService<IdentityFeedWorker>();
        return services;
    }
}
