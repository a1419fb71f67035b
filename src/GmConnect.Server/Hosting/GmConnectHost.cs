using GmConnect.Governance;
using GmConnect.Integration;
using Microsoft.AspNetCore.Authentication.Cookies;
using GmConnect.Server.Health;
using GmConnect.Server.Imports;
using GmConnect.Storage;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace GmConnect.Server.Hosting;

/// <summary>The host's service defaults and endpoint map, in one place, so Program.cs stays thin.</summary>
internal static class GmConnectHost
{
    /// <summary>Where the exchange listens when nothing else is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddGmConnect(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        services.AddProblemDetails();
        services.AddRazorPages();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/sign-in";
                options.Cookie.Name = "gmc.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = false;
            });
        services.AddAuthorization();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "GM Connect";
            document.Info.Description = "The information exchange for the public services of Greater Manchester.";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StoreOptions>().Bind(builder.Configuration.GetSection(StoreOptions.Section))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton(sp => Store.Open(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.AddSingleton(sp => new MigrationRunner(sp.GetRequiredService<Store>(), sp.GetServices<IMigrationSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section))
            .Validate(o => o.People is > 0 and <= 5_000_000, "Demo:People must be between 1 and 5,000,000.").ValidateOnStart();
        services.AddSingleton<DemoSeeder>();
        services.AddIntegration();
        var governanceConfig = builder.Configuration["Governance:ConfigDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "configs", "governance");
        services.AddGovernance(options => options.ConfigDirectory = governanceConfig);
        return builder;
    }

    /// <summary>Brings the schema up to date and, on first run, loads the demo population.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        await runner.MigrateAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<DemoSeeder>().SeedIfFirstRunAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication MapGmConnect(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapScalarApiReference("/api", options => options.WithTitle("GM Connect API"));
        app.MapHealth();
        app.MapImportsApi();
        app.MapRazorPages();
        return app;
    }
}
