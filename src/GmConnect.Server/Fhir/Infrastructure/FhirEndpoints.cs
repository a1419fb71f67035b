using Microsoft.AspNetCore.Authorization;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>
/// The FHIR API's shared plumbing for the host: <see cref="AddFhirInfrastructure"/> registers the filter and the
/// CapabilityStatement builder; <see cref="MapFhirGroup"/> gives any feature a <c>/fhir</c> route group that
/// authenticates and maps errors to OperationOutcome; <see cref="MapFhirMetadata"/> serves <c>/fhir/metadata</c>.
/// </summary>
internal static class FhirEndpoints
{
    public static IServiceCollection AddFhirInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<FhirEndpointFilter>();
        services.AddSingleton<FhirCapabilityStatement>();
        return services;
    }

    /// <summary>
    /// A route group under <c>/fhir</c> for one feature's endpoints (call it once per feature; groups with the
    /// same prefix coexist). Every endpoint in it needs an authenticated caller (401 OperationOutcome otherwise)
    /// and must declare its <c>AuditedEndpoint</c>; exceptions become OperationOutcomes.
    /// </summary>
    public static RouteGroupBuilder MapFhirGroup(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/fhir").WithTags("FHIR");
        group.AddEndpointFilter<FhirEndpointFilter>();
        return group;
    }

    /// <summary><c>GET /fhir/metadata</c>: the CapabilityStatement, served without authentication as FHIR expects.</summary>
    public static IEndpointRouteBuilder MapFhirMetadata(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFhirGroup()
            .MapGet("/metadata", (FhirCapabilityStatement statement) => FhirResults.Ok(statement.Build()))
            .WithMetadata(new AllowAnonymousAttribute())
            .WithName("FhirCapabilityStatement")
            .WithSummary("The FHIR CapabilityStatement (application/fhir+json)");
        return endpoints;
    }
}
