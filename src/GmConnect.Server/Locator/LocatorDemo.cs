using GmConnect.Identity.Manager;
using GmConnect.Locator.Demo;
using GmConnect.Server.Hosting;
using Microsoft.Extensions.Options;

namespace GmConnect.Server.Locator;

/// <summary>The host's call into the Locator's demo seed, after the demo population is loaded.</summary>
internal static class LocatorDemo
{
    /// <summary>
    /// On a store without pointers, publishes demo pointers and involvements for people of the demo population
    /// (when demo seeding is on and an Identity Manager is registered: the Locator resolves people through it).
    /// With the identity feed on, <see cref="LocatorDemoWorker"/> seeds instead, once the people are in the index.
    /// </summary>
    public static async Task SeedLocatorDemoAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.SeedOnFirstRun || app.Services.GetService<IIdentityManager>() is null
            || app.Services.GetRequiredService<IOptions<IdentityFeedOptions>>().Value.Enabled)
        {
            return;
        }

        await app.Services.GetRequiredService<LocatorDemoSeeder>().SeedIfEmptyAsync(Path.GetFullPath(demo.Directory), cancellationToken: cancellationToken);
    }
}
