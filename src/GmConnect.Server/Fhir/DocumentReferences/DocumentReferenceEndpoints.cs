using System.Globalization;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Locator;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.RecordTypes;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.DocumentReferences;

/// <summary>
/// The Record Locator's FHIR R4 API, shaped like NHS England's NRL producer and consumer APIs:
/// <c>POST /fhir/DocumentReference</c> (create; <c>relatesTo: replaces</c> supersedes), <c>PUT /fhir/DocumentReference</c>
/// (upsert by master identifier), <c>PUT /fhir/DocumentReference/{id}</c> (update; <c>status: entered-in-error</c>
/// withdraws), <c>DELETE /fhir/DocumentReference/{id}</c>, <c>GET /fhir/DocumentReference/{id}</c>, and search by
/// <c>GET /fhir/DocumentReference?subject:identifier=…</c> or <c>POST /fhir/DocumentReference/_search</c> (form body).
/// </summary>
internal static class DocumentReferenceEndpoints
{
    private const string ResourceType = "DocumentReference";

    public static IServiceCollection AddDocumentReferences(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocator(o =>
        {
            if (configuration[$"{LocatorOptions.Section}:RecordTypesFile"] is { Length: > 0 } file)
            {
                o.RecordTypesFile = file;
            }
        });
        services.AddSingleton<IFhirCapability, DocumentReferenceCapability>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocumentReferences(this IEndpointRouteBuilder endpoints)
    {
        var fhir = endpoints.MapFhirGroup();
        fhir.MapPost("/DocumentReference/_search", SearchAsync).WithName("SearchDocumentReferencesPost").DisableAntiforgery()
            .WithSummary("Search pointers with a form body (keeps identifiers out of URLs)").WithMetadata(new AuditedEndpoint(AuditEventType.Search));
        fhir.MapGet("/DocumentReference", SearchAsync).WithName("SearchDocumentReferences")
            .WithSummary("Search a person's pointers by any identifier (subject:identifier=system|value)").WithMetadata(new AuditedEndpoint(AuditEventType.Search));
        fhir.MapGet("/DocumentReference/{id}", ReadAsync).WithName("ReadDocumentReference")
            .WithSummary("Read one pointer (decided by Governance; 404 when missing or withheld)").WithMetadata(new AuditedEndpoint(AuditEventType.Read));
        fhir.MapPost("/DocumentReference", CreateAsync).WithName("CreateDocumentReference")
            .WithSummary("Publish a pointer (producer: own organisation, permitted type)").WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        fhir.MapPut("/DocumentReference", UpsertAsync).WithName("UpsertDocumentReference")
            .WithSummary("Create or update a pointer by its master identifier").WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        fhir.MapPut("/DocumentReference/{id}", UpdateAsync).WithName("UpdateDocumentReference")
            .WithSummary("Update one of your pointers (If-Match: W/\"version\")").WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        fhir.MapDelete("/DocumentReference/{id}", DeleteAsync).WithName("DeleteDocumentReference")
            .WithSummary("Delete one of your pointers").WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        return endpoints;
    }

    internal static async Task<IResult> SearchAsync(HttpContext http, PointerFinder finder, RecordTypeRegistry types, CancellationToken cancellationToken)
    {
        var request = FhirCaller.RequestOf(http, AccessAction.Search);
        var query = await DocumentReferenceSearch.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        var result = await finder.SearchAsync(request, query, cancellationToken).ConfigureAwait(false);
        var page = result.Items.Select(i => new SearchEntry(DocumentReferenceMapping.ToFhir(i.Item, types))).ToList();
        var bundle = FhirBundles.SearchSet(http.Request, page, result.Total, query.Offset, query.Count);
        if (WithheldOutcome(result.Withheld) is { } outcome)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = "urn:uuid:" + Guid.NewGuid().ToString("D"),
                Resource = outcome,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
            });
        }

        return FhirResults.Ok(bundle);
    }

    internal static async Task<IResult> ReadAsync(string id, HttpContext http, PointerFinder finder, RecordTypeRegistry types, CancellationToken cancellationToken)
    {
        var request = FhirCaller.RequestOf(http, AccessAction.Read);
        return await finder.ReadAsync(request, id, cancellationToken).ConfigureAwait(false) is { } item
            ? FhirResults.Ok(DocumentReferenceMapping.ToFhir(item.Item, types))
            : FhirResults.NotFound(ResourceType, id);
    }

    internal static async Task<IResult> CreateAsync(HttpContext http, PointerPublisher publisher, RecordTypeRegistry types, CancellationToken cancellationToken)
    {
        var actor = ActorOf(http);
        var resource = await FhirJson.ReadAsync<DocumentReference>(http.Request, cancellationToken).ConfigureAwait(false);
        var outcome = await publisher.CreateAsync(actor, DocumentReferenceMapping.ToDraft(resource), cancellationToken).ConfigureAwait(false);
        return Answer(http, outcome, types, null);
    }

    internal static async Task<IResult> UpsertAsync(HttpContext http, PointerPublisher publisher, RecordTypeRegistry types, CancellationToken cancellationToken)
    {
        var actor = ActorOf(http);
        var resource = await FhirJson.ReadAsync<DocumentReference>(http.Request, cancellationToken).ConfigureAwait(false);
        var outcome = await publisher.UpsertAsync(actor, DocumentReferenceMapping.ToDraft(resource), cancellationToken).ConfigureAwait(false);
        return Answer(http, outcome, types, null);
    }

    internal static async Task<IResult> UpdateAsync(string id, HttpContext http, PointerPublisher publisher, RecordTypeRegistry types, CancellationToken cancellationToken)
    {
        var actor = ActorOf(http);
        var resource = await FhirJson.ReadAsync<DocumentReference>(http.Request, cancellationToken).ConfigureAwait(false);
        if (resource.Id is { } bodyId && !string.Equals(bodyId, id, StringComparison.Ordinal))
        {
            throw FhirRequestException.Invalid("id: the resource's id must match the URL's.");
        }

        var draft = DocumentReferenceMapping.ToDraft(resource);
        var outcome = draft.Status == PointerStatus.EnteredInError
            ? await publisher.MarkEnteredInErrorAsync(actor, id, cancellationToken).ConfigureAwait(false)
            : await publisher.UpdateAsync(actor, id, draft, IfMatch(http), cancellationToken).ConfigureAwait(false);
        return Answer(http, outcome, types, id);
    }

    internal static async Task<IResult> DeleteAsync(string id, HttpContext http, PointerPublisher publisher, RecordTypeRegistry types, CancellationToken cancellationToken)
    {
        var outcome = await publisher.DeleteAsync(ActorOf(http), id, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded
            ? FhirResults.Outcome(StatusCodes.Status200OK, OperationOutcome.IssueType.Informational, $"{ResourceType}/{id} deleted.", OperationOutcome.IssueSeverity.Information)
            : Answer(http, outcome, types, id);
    }

    /// <summary>
    /// The OperationOutcome entry a searchset carries when anything was withheld: how many, and why by category —
    /// never which, never what.
    /// </summary>
    internal static OperationOutcome? WithheldOutcome(IReadOnlyDictionary<ReasonCategory, int> withheld)
    {
        var total = withheld.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var parts = withheld.Where(w => w.Value > 0).OrderBy(w => w.Key).ToList();
        var outcome = new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Information,
                    Code = OperationOutcome.IssueType.Suppressed,
                    Diagnostics = $"{Records(total)} withheld: " + string.Join("; ", parts.Select(p => $"{p.Value} {Explain(p.Key)}")),
                },
            ],
        };
        foreach (var (category, count) in parts)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.Suppressed,
                Details = new CodeableConcept(WithheldCategorySystem, Code(category), Explain(category)),
                Diagnostics = $"{Records(count)} withheld: {Explain(category)}",
            });
        }

        return outcome;
    }

    /// <summary>The code system of withheld-reason categories.</summary>
    internal const string WithheldCategorySystem = "urn:gmconnect:withheld-reason-category";

    private static string Records(int count) => count == 1 ? "1 record" : count.ToString(CultureInfo.InvariantCulture) + " records";

    private static string Code(ReasonCategory category) => category.ToString().ToLowerInvariant();

    private static string Explain(ReasonCategory category) => category switch
    {
        ReasonCategory.Agreement => "no sharing agreement in force covers it for this purpose",
        ReasonCategory.Relationship => "your organisation has no current involvement with the person",
        ReasonCategory.Objection => "the person objected, or their consent is needed",
        ReasonCategory.Sensitivity => "restricted record",
        ReasonCategory.Requester => "your registration does not allow it (practitioner, role or purpose)",
        _ => "withheld",
    };

    private static Actor ActorOf(HttpContext http)
    {
        var request = FhirCaller.RequestOf(http, AccessAction.Read);
        return new Actor(request.PractitionerId, request.OrganisationId, request.Role, request.RequestId);
    }

    private static int? IfMatch(HttpContext http)
    {
        var raw = http.Request.Headers.IfMatch.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var trimmed = raw.Trim();
        if (trimmed.StartsWith("W/", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        return int.TryParse(trimmed.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw FhirRequestException.Invalid("If-Match: expected W/\"version\".");
    }

    private static FhirResourceResult Answer(HttpContext http, PointerOutcome outcome, RecordTypeRegistry types, string? id)
    {
        if (outcome.Succeeded)
        {
            var resource = DocumentReferenceMapping.ToFhir(outcome.RecordPointer!, types);
            if (!outcome.Created)
            {
                return FhirResults.Ok(resource);
            }

            http.Response.Headers.Location = $"{FhirBundles.BaseUrl(http.Request)}/{ResourceType}/{resource.Id}/_history/{outcome.RecordPointer!.Version}";
            return new FhirResourceResult(resource, StatusCodes.Status201Created);
        }

        var diagnostics = string.Join("; ", outcome.Problems);
        return outcome.Refusal switch
        {
            PointerRefusal.NotFound => FhirResults.NotFound(ResourceType, id ?? "(id)"),
            PointerRefusal.Invalid => FhirResults.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, diagnostics),
            PointerRefusal.Conflict => FhirResults.Outcome(StatusCodes.Status409Conflict, OperationOutcome.IssueType.Conflict, diagnostics),
            _ => FhirResults.Forbidden(diagnostics),
        };
    }
}
