using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Locator.Involvements;

/// <summary>Runs <see cref="InvolvementFollower.CatchUpAsync"/> every <see cref="LocatorOptions.FollowIdentityInterval"/>.</summary>
internal sealed class InvolvementFollowerService(InvolvementFollower follower, IOptions<LocatorOptions> options, TimeProvider time, ILogger<InvolvementFollowerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FollowIdentityInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await follower.CatchUpAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Keep following: the next round starts again from the cursor.
                Log.FollowFailed(logger, e.GetType().Name);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
