using GmConnect.Storage;

namespace GmConnect.Server.Health;

/// <summary><c>GET /health</c>: is the store reachable and its schema current?</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", GetHealthAsync)
            .WithName("GetHealth")
            .WithTags("Operations")
            .WithSummary("Store and schema migration status")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> GetHealthAsync(Store store, MigrationRunner migrations, CancellationToken cancellationToken)
    {
        var storeReport = new StoreHealth(store.Provider.ToString(), store.Description);
        try
        {
            var status = await migrations.StatusAsync(cancellationToken);
            var current = status.All(s => s.IsCurrent);
            var report = new HealthReport(
                current ? "healthy" : "unhealthy",
                storeReport,
                [.. status.Select(s => new MigrationHealth(s.Component, s.Current, s.Latest))],
                current ? null : "The schema is behind the code: restart the exchange to apply its migrations.");
            return Results.Json(report, statusCode: current ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            // The store is unreachable: say so without echoing connection details.
            return Results.Json(new HealthReport("unhealthy", storeReport, [], "The store cannot be reached."), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
