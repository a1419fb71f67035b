namespace GmConnect.Server.Workbench;

/// <summary>The Workbench pages' services: the explorer's data (generated in the background) and the uploads kept for download.</summary>
internal static class WorkbenchHosting
{
    public static IServiceCollection AddWorkbenchPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkbenchOptions>().Bind(configuration.GetSection(WorkbenchOptions.Section))
            .Validate(o => o.IsValid(), "Workbench: years must run forwards within 2000–2030, Scale lie in (0, 20], UploadsKept and MaxUploadBytes be positive, and PseudonymKey be base64 of at least 16 bytes.")
            .ValidateOnStart();
        services.AddSingleton<WorkbenchData>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkbenchData>());
        services.AddSingleton<UploadedReturns>();
        return services;
    }
}
