using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>
/// FHIR R4 JSON through the Firely SDK's System.Text.Json converters: one set of options for the whole API, so
/// every FHIR endpoint reads and writes the same <c>application/fhir+json</c>.
/// </summary>
internal static class FhirJson
{
    /// <summary>The FHIR JSON media type.</summary>
    public const string MediaType = "application/fhir+json";

    /// <summary>The content type the API answers with.</summary>
    public const string ContentType = MediaType + "; charset=utf-8";

    /// <summary>Compact output; strict input (an unknown element or a wrong type is a 400, not silently dropped).</summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir();

    /// <summary>Indented output, for committed snapshots.</summary>
    public static JsonSerializerOptions Pretty { get; } = new JsonSerializerOptions().ForFhir().Pretty();

    /// <summary>Serialises a resource.</summary>
    public static string Serialize(Resource resource, bool pretty = false) =>
        JsonSerializer.Serialize(resource, resource.GetType(), pretty ? Pretty : Options);

    /// <summary>
    /// Reads a resource of type <typeparamref name="T"/> from a request body. Throws <see cref="FhirRequestException"/>
    /// (400 <c>structure</c>) for a body that is not FHIR JSON of that type, with the parser's messages, which name
    /// elements and positions, never values.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            throw new FhirRequestException(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
                $"Send {MediaType} (or application/json).");
        }

        Resource? resource;
        try
        {
            resource = await JsonSerializer.DeserializeAsync<Resource>(request.Body, Options, cancellationToken).ConfigureAwait(false);
        }
        catch (DeserializationFailedException e)
        {
            throw new FhirRequestException(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure,
                "The body is not valid FHIR JSON: " + string.Join("; ", e.Exceptions.Select(x => x.Message).Take(10)));
        }
        catch (JsonException)
        {
            throw new FhirRequestException(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure, "The body is not valid JSON.");
        }

        return resource as T ?? throw new FhirRequestException(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure,
            $"Expected a {typeof(T).Name} resource, got {resource?.TypeName ?? "nothing"}.");
    }

    private static bool IsJson(string contentType) =>
        contentType.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/json+fhir", StringComparison.OrdinalIgnoreCase);
}
