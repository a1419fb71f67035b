using GmConnect.Governance;
using GmConnect.Identity;
using GmConnect.Identity.Manager;
using GmConnect.Notifications.Subscriptions;
using GmConnect.Governance.Api;
using GmConnect.Governance.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using GmConnect.Integration;
using Microsoft.AspNetCore.Authentication.Cookies;
using GmConnect.Server.Fhir;
using GmConnect.Server.Fhir.Binaries;
using GmConnect.Server.Fhir.Subscriptions;
using GmConnect.Repository;
using GmConnect.Server.Fhir.DocumentReferences;
using GmConnect.Server.Locator;
using GmConnect.Server.Health;
using GmConnect.Server.Imports;
using GmConnect.Server.Imports.Fhir;
using GmConnect.Storage;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace GmConnect.Server.Hosting;

/// <summary>The host's service defaults and endpoint map, in one place, so Program.cs stays thin.</summary>
internal static class GmConnectHost
{
    /// <summary>Where the exchange listens when nothing else is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private const string SessionOrToken = "session-or-token";

    public static WebApplicationBuilder AddGmConnect(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // ASP.NET Core's own logs name every request's address, query string included ("Request starting … GET
        // /fhir/Patient?family=…&birthdate=…"), and its debug logs route values: personal data, which the exchange never
        // logs. Its categories write warnings and errors only; the exchange's own log lines say what happened.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        services.AddProblemDetails();
        services.AddRazorPages();
        // Two ways in: a bearer token (API callers; the built-in development issuer on the embedded
        // default, an OpenID Connect issuer in production) or the web pages' cookie session. A policy
        // scheme picks the one the request carries.
        services.AddSingleton(sp => DevelopmentTokenIssuer.LoadOrCreate(
            builder.Configuration["Tokens:DevelopmentKeyFile"] ?? DevelopmentTokenIssuer.DefaultKeyFile, sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<DevelopmentTokenIssuer>((options, issuer) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = issuer.ValidationParameters();
            });
        services.AddAuthentication(SessionOrToken)
            .AddPolicyScheme(SessionOrToken, "Bearer token or session cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? JwtBearerDefaults.AuthenticationScheme
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddCookie(options =>
            {
                options.LoginPath = "/sign-in";
                options.AccessDeniedPath = "/access-denied";
                options.Cookie.Name = "gmc.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = false;
                // API callers get a 401, not a redirect to the sign-in page.
                options.Events.OnRedirectToLogin = context =>
                {
                    if (IsApi(context.Request.Path))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization(Security.InformationGovernancePolicy.Add);
        Security.OidcSignIn.AddOidcSignIn(builder);
        // Enums travel as kebab-case strings ("break-glass", "direct-care"), as Governance's bodies expect.
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
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
        services.AddIdentityManager();
        services.AddSingleton<ISubjectResolver>(sp => new IdentitySubjectResolver(sp.GetRequiredService<IIdentityManager>()));
        services.AddFhirApi();
        services.AddRepository();
        services.AddFhirBinaries();
        services.AddFhirSubscriptions(builder.Configuration);
        services.AddDocumentReferences(builder.Configuration);
        services.AddSingleton<GmConnect.Locator.Pointers.IPointerObserver, Locator.PointerNotifications>();
        services.AddIdentityFeedWorker(builder.Configuration);
        services.AddSingleton<GmConnect.Locator.Demo.IDemoContentPublisher, Locator.DemoRecordContent>();
        services.AddHostedService<Locator.LocatorDemoWorker>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(Pages.Persons.PersonPageAudit.Configure);
        Workbench.WorkbenchHosting.AddWorkbenchPages(services, builder.Configuration);
        Workbench.Reports.ReportsHosting.AddWorkbenchReports(services, builder.Configuration);
        Workbench.Discussion.DiscussionHosting.AddWorkbenchDiscussion(services);
        services.AddFhirImportTargets();
        return builder;
    }

    /// <summary>Brings the schema up to date and, on first run, loads the demo population.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        await runner.MigrateAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<DemoSeeder>().SeedIfFirstRunAsync(app.Lifetime.ApplicationStopping);
        await app.SeedLocatorDemoAsync(app.Lifetime.ApplicationStopping);
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
        app.MapGovernanceApi().RequireAuthorization();
        app.MapFhirApi();
        app.MapFhirBinaries();
        app.MapFhirSubscriptions();
        app.MapDocumentReferences();
        app.MapInvolvementsApi();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/governance") || path.StartsWithSegments("/fhir");
}
