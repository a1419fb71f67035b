using GmConnect.Storage;
using GmConnect.Workbench.Reports;
using GmConnect.Workbench.Storage;

namespace GmConnect.Server.Workbench.Reports;

/// <summary>The Workbench's reports: their schema (component <c>workbench</c>), the library, Markdown and the exports.</summary>
internal static class ReportsHosting
{
    public static IServiceCollection AddWorkbenchReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IMigrationSource>(WorkbenchMigrations.Source);
        services.AddSingleton(sp => new ReportLibrary(sp.GetRequiredService<Store>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReportReaders>();
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section))
            .Validate(o => o.IsValid(), "Workbench:Reports: ChromiumPath must be set, PdfTimeoutSeconds lie in 1–600 and MaxConcurrentPdfs in 1–16.")
            .ValidateOnStart();
        services.AddSingleton<ReportExporter>();
        return services;
    }
}
