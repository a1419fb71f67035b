using GmConnect.Governance.Audit;
using GmConnect.Governance.Api;
using GmConnect.Governance.Decisions;
using GmConnect.Repository.Content;
using GmConnect.Repository.Retrieval;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.Net.Http.Headers;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Fhir.Binaries;

/// <summary>
/// The Repository over FHIR: <c>POST /fhir/Binary</c> publishes content (the custodian is the caller's
/// organisation), <c>PUT /fhir/Binary/{id}</c> publishes a new version, and <c>GET /fhir/Binary/{id}</c> and
/// <c>/fhir/Binary/{id}/_history/{vid}</c> read it through Governance — as FHIR Binary JSON when the caller accepts
/// <c>application/fhir+json</c>, else as the raw content with its own media type.
/// </summary>
internal static class BinaryEndpoints
{
    public static IServiceCollection AddFhirBinaries(this IServiceCollection services)
    {
        services.AddSingleton<IFhirCapability, BinaryCapability>();
        return services;
    }

    public static IEndpointRouteBuilder MapFhirBinaries(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapFhirGroup();
        group.MapPost("/Binary", CreateAsync).WithName("FhirBinaryCreate")
            .WithSummary("Publish content (FHIR Binary JSON with GM Connect extensions); the custodian is the caller's organisation")
            .Accepts<string>(FhirJson.MediaType)
            .WithMetadata(new AuditedEndpoint(AuditEventType.Created));
        group.MapPut("/Binary/{id}", UpdateAsync).WithName("FhirBinaryUpdate")
            .WithSummary("Publish a new version of content the caller's organisation holds; the same bytes store nothing")
            .Accepts<string>(FhirJson.MediaType)
            .WithMetadata(new AuditedEndpoint(AuditEventType.Created));
        group.MapGet("/Binary/{id}", ReadLatestAsync).WithName("FhirBinaryRead")
            .WithSummary("The latest version, if Governance permits: FHIR Binary JSON (Accept: application/fhir+json) or the raw content")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Read));
        group.MapGet("/Binary/{id}/_history/{vid}", ReadVersionAsync).WithName("FhirBinaryVersionRead")
            .WithSummary("One version, if Governance permits: FHIR Binary JSON (Accept: application/fhir+json) or the raw content")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Read));
        return endpoints;
    }

    private static Task<IResult> CreateAsync(HttpContext http, ContentRepository repository, CancellationToken cancellationToken) =>
        PublishAsync(http, repository, null, cancellationToken);

    private static Task<IResult> UpdateAsync(string id, HttpContext http, ContentRepository repository, CancellationToken cancellationToken) =>
        PublishAsync(http, repository, ContentIds.IsValid(id) ? id : throw FhirRequestException.Invalid("The Binary id is not a valid FHIR id."), cancellationToken);

    private static Task<IResult> ReadLatestAsync(string id, HttpContext http, ContentRetrieval retrieval, CancellationToken cancellationToken) =>
        ReadAsync(http, retrieval, id, null, cancellationToken);

    private static Task<IResult> ReadVersionAsync(string id, string vid, HttpContext http, ContentRetrieval retrieval, CancellationToken cancellationToken) =>
        int.TryParse(vid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1
            ? ReadAsync(http, retrieval, id, version, cancellationToken)
            : Task.FromResult<IResult>(FhirResults.NotFound("Binary", id + "/_history/" + vid));

    private static async Task<IResult> PublishAsync(HttpContext http, ContentRepository repository, string? id, CancellationToken cancellationToken)
    {
        var caller = FhirCaller.RequestOf(http, AccessAction.Read);
        var binary = await FhirJson.ReadAsync<Binary>(http.Request, cancellationToken);
        if (binary.Data is not { Length: > 0 } data || string.IsNullOrWhiteSpace(binary.ContentType))
        {
            throw FhirRequestException.Invalid("Binary needs contentType and data.");
        }

        var metadata = BinaryMetadata.From(binary);
        PublishResult result;
        try
        {
            result = await repository.PublishAsync(
                new PublishRequest(id, data, binary.ContentType, caller.OrganisationId, caller.PractitionerId, metadata.RecordType, metadata.Category,
                    metadata.PersonKey, metadata.DateOfBirth, metadata.RetentionClass, metadata.Sensitivity, metadata.LastActivity),
                cancellationToken);
        }
        catch (ArgumentException e)
        {
            // The repository's guard messages name fields and classes, never values of personal data.
            throw FhirRequestException.Invalid(e.Message);
        }

        return result.Outcome switch
        {
            PublishOutcome.Created => Created(http, result.Version!),
            PublishOutcome.Unchanged => new FhirResourceResult(BinaryResources.Metadata(result.Version!), StatusCodes.Status200OK),
            PublishOutcome.NotCustodian => FhirResults.Forbidden(result.Problem!),
            _ => FhirResults.Outcome(StatusCodes.Status409Conflict, OperationOutcome.IssueType.Conflict, result.Problem!),
        };
    }

    private static FhirResourceResult Created(HttpContext http, ContentVersion version)
    {
        http.Response.Headers.Location = $"/fhir/Binary/{version.ContentId}/_history/{version.Version}";
        return new FhirResourceResult(BinaryResources.Metadata(version), StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ContentRetrieval retrieval, string id, int? version, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id))
        {
            return FhirResults.NotFound("Binary", "?");
        }

        var caller = FhirCaller.RequestOf(http, AccessAction.Read);
        var result = await retrieval.RetrieveAsync(caller, id, version, cancellationToken);
        switch (result.Outcome)
        {
            case RetrievalOutcome.Permitted:
                var content = result.Content!;
                return WantsFhirJson(http.Request)
                    ? new FhirResourceResult(BinaryResources.WithData(content), StatusCodes.Status200OK)
                    : new RawContentResult(content);
            case RetrievalOutcome.Denied:
                return FhirResults.Forbidden("Access denied: " + string.Join(", ", result.Decision!.Reasons.Select(r => r.ToString())));
            case RetrievalOutcome.IntegrityFailure:
                return FhirResults.Outcome(StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception,
                    $"Binary/{id} failed its integrity check (the stored bytes do not match their SHA-256) and is not served. The custodian has been told through the audit trail.");
            default:
                return FhirResults.NotFound("Binary", version is null ? id : $"{id}/_history/{version}");
        }
    }

    private static bool WantsFhirJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a =>
            a.MediaType.Equals(FhirJson.MediaType, StringComparison.OrdinalIgnoreCase)
            || a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || a.MediaType.Equals("application/json+fhir", StringComparison.OrdinalIgnoreCase));

    /// <summary>The content itself, with its own media type and the version as ETag; never cached.</summary>
    private sealed class RawContentResult(StoredContent content) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = content.Version.ContentType;
            response.Headers.ETag = $"W/\"{content.Version.Version}\"";
            response.Headers.CacheControl = "no-store";
            response.Headers[HeaderNames.ContentLocation] = $"/fhir/Binary/{content.Item.Id}/_history/{content.Version.Version}";
            response.ContentLength = content.Bytes.Length;
            await response.Body.WriteAsync(content.Bytes, httpContext.RequestAborted);
        }
    }
}
