using System.Text.Json;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>An <see cref="IResult"/> that writes one FHIR resource as <c>application/fhir+json</c>.</summary>
internal sealed class FhirResourceResult(Resource resource, int statusCode) : IResult, IStatusCodeHttpResult
{
    /// <summary>The resource written.</summary>
    public Resource Resource { get; } = resource;

    /// <inheritdoc />
    public int? StatusCode { get; } = statusCode;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = FhirJson.ContentType;
        if (Resource.Meta?.VersionId is { } version)
        {
            response.Headers.ETag = $"W/\"{version}\"";
        }

        // Personal data: no shared cache may keep it.
        response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(response.Body, Resource, Resource.GetType(), FhirJson.Options, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
