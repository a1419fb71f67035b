using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authorization;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>
/// Wraps every FHIR endpoint: refuses an unauthenticated caller with a 401 OperationOutcome (not an empty 401 or
/// a redirect to the sign-in page), and turns exceptions into OperationOutcomes through <see cref="OperationOutcomes"/>.
/// Endpoints marked <c>AllowAnonymous</c> (the CapabilityStatement) skip the authentication check.
/// </summary>
internal sealed class FhirEndpointFilter(ILogger<FhirEndpointFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null && http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return FhirResults.Unauthenticated();
        }

        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (OperationOutcomes.Map(e) is { } mapped)
        {
            Log.FhirRequestRefused(logger, http.Request.Path.Value ?? "", mapped.Status);
            return new FhirResourceResult(mapped.Outcome, mapped.Status);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.FhirRequestFailed(logger, http.Request.Path.Value ?? "", e.GetType().FullName ?? "Exception");
            return new FhirResourceResult(OperationOutcomes.ServerError(http.TraceIdentifier), StatusCodes.Status500InternalServerError);
        }
    }
}
