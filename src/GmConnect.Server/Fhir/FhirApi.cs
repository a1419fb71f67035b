using GmConnect.Server.Fhir.Identity;
using GmConnect.Server.Fhir.Infrastructure;

namespace GmConnect.Server.Fhir;

/// <summary>The host's FHIR R4 API under <c>/fhir</c>: one call to register, one to map.</summary>
internal static class FhirApi
{
    public static IServiceCollection AddFhirApi(this IServiceCollection services)
    {
        services.AddFhirInfrastructure();
        services.AddFhirIdentity();
        return services;
    }

    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFhirMetadata();
        endpoints.MapFhirIdentity();
        return endpoints;
    }
}
