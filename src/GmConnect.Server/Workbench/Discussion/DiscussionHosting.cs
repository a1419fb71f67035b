using GmConnect.Workbench.Discussion;

namespace GmConnect.Server.Workbench.Discussion;

/// <summary>The discussion on reports: the service, the practitioner registry for mentions and the reports' access decision.</summary>
internal static class DiscussionHosting
{
    public static IServiceCollection AddWorkbenchDiscussion(this IServiceCollection services)
    {
        services.AddSingleton<GovernanceDiscussionDirectory>();
        services.AddSingleton<IDiscussionDirectory>(sp => sp.GetRequiredService<GovernanceDiscussionDirectory>());
        services.AddSingleton<IDiscussionAccess, ReportsDiscussionAccess>();
        services.AddSingleton(sp => new DiscussionService(
            sp.GetRequiredService<GmConnect.Storage.Store>(), sp.GetRequiredService<IDiscussionAccess>(), sp.GetRequiredService<IDiscussionDirectory>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
