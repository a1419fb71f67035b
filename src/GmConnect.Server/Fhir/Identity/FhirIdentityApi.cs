using GmConnect.Server.Fhir.Infrastructure;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>The identity part of the FHIR API: Patient, Person, $ihe-pix, $match, $submit-batch. Needs an <c>IIdentityManager</c> and Governance.</summary>
internal static class FhirIdentityApi
{
    public static IServiceCollection AddFhirIdentity(this IServiceCollection services)
    {
        services.AddSingleton<IdentityGate>();
        services.AddSingleton<IFhirCapability, IdentityCapability>();
        return services;
    }

    public static IEndpointRouteBuilder MapFhirIdentity(this IEndpointRouteBuilder endpoints)
    {
        var fhir = endpoints.MapFhirGroup();
        fhir.MapPatientEndpoints();
        fhir.MapPixEndpoint();
        fhir.MapMatchEndpoint();
        fhir.MapSubmitEndpoint();
        return endpoints;
    }
}
