using System.Security.Claims;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Agreements;
using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
using GmConnect.Governance.SubjectAccess;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GmConnect.Governance.Api;

/// <summary>
/// Governance's HTTP endpoints under <c>/governance</c>: registries, agreements, objections and consents, person
/// labels and involvements, break-glass, IG alerts, audit search and verification, subject access reports. The
/// host authenticates; every handler checks the caller's claims against the registries.
/// </summary>
public static class GovernanceApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapGovernanceApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/governance").WithTags("Governance");

        api.MapGet("/organisations", (GovernanceAdministration admin) => TypedResults.Ok(admin.Organisations));
        api.MapPut("/organisations/{id}", SaveOrganisationAsync).WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        api.MapGet("/roles", (GovernanceAdministration admin) => TypedResults.Ok(admin.Roles));
        api.MapPut("/roles/{code}", SaveRoleAsync).WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        api.MapGet("/practitioners", ListPractitioners);
        api.MapPut("/practitioners/{id}", SavePractitionerAsync).WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));

        api.MapGet("/agreements", (GovernanceAdministration admin) => TypedResults.Ok(admin.Agreements));
        api.MapGet("/agreements/{id}", GetAgreement);
        api.MapPut("/agreements/{id}", SaveAgreementAsync).WithMetadata(new AuditedEndpoint(AuditEventType.AgreementSaved));

        api.MapGet("/persons/{personId}/directives", ListDirectivesAsync).WithMetadata(new AuditedEndpoint(AuditEventType.Read));
        api.MapPost("/persons/{personId}/directives", RecordDirectiveAsync).WithMetadata(new AuditedEndpoint(AuditEventType.DirectiveRecorded));
        api.MapDelete("/persons/{personId}/directives/{id}", WithdrawDirectiveAsync).WithMetadata(new AuditedEndpoint(AuditEventType.DirectiveWithdrawn));
        api.MapPut("/persons/{personId}/labels", SetLabelsAsync).WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        api.MapPost("/persons/{personId}/involvements", SaveInvolvementAsync).WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        api.MapGet("/persons/{personId}/subject-access", SubjectAccessAsync).WithMetadata(new AuditedEndpoint(AuditEventType.SubjectAccessReport));

        api.MapPost("/break-glass", OpenBreakGlassAsync).WithMetadata(new AuditedEndpoint(AuditEventType.BreakGlassOpened));
        api.MapGet("/alerts", ListAlerts);

        api.MapGet("/audit", SearchAuditAsync).WithMetadata(new AuditedEndpoint(AuditEventType.AuditSearched));
        api.MapGet("/audit/verify", VerifyAuditAsync);
        return api;
    }

    internal static async Task<IResult> SaveOrganisationAsync(string id, Organisation body, ClaimsPrincipal user, GovernanceAdministration admin, CancellationToken cancellationToken) =>
        ActorOf(user) is { } actor
            ? ApiResults.From(await admin.SaveOrganisationAsync(actor, body with { Id = id }, cancellationToken).ConfigureAwait(false))
            : ApiResults.Unauthenticated();

    internal static async Task<IResult> SaveRoleAsync(string code, RoleDefinition body, ClaimsPrincipal user, GovernanceAdministration admin, CancellationToken cancellationToken) =>
        ActorOf(user) is { } actor
            ? ApiResults.From(await admin.SaveRoleAsync(actor, body with { Code = code }, cancellationToken).ConfigureAwait(false))
            : ApiResults.Unauthenticated();

    /// <summary>Practitioners' names are personal data: administrators and IG officers only.</summary>
    internal static IResult ListPractitioners(ClaimsPrincipal user, GovernanceAdministration admin) =>
        ActorOf(user) is not { } actor ? ApiResults.Unauthenticated()
        : admin.Holds(actor, RoleCapabilities.Administration | RoleCapabilities.InformationGovernance) ? TypedResults.Ok(admin.Practitioners)
        : ApiResults.Forbidden("Listing practitioners needs the administration or information-governance capability.");

    internal static async Task<IResult> SavePractitionerAsync(string id, Practitioner body, ClaimsPrincipal user, GovernanceAdministration admin, CancellationToken cancellationToken) =>
        ActorOf(user) is { } actor
            ? ApiResults.From(await admin.SavePractitionerAsync(actor, body with { Id = id }, cancellationToken).ConfigureAwait(false))
            : ApiResults.Unauthenticated();

    internal static IResult GetAgreement(string id, GovernanceAdministration admin) =>
        admin.Agreements.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal)) is { } agreement
            ? TypedResults.Ok(agreement)
            : TypedResults.NotFound();

    internal static async Task<IResult> SaveAgreementAsync(string id, SharingAgreement body, ClaimsPrincipal user, GovernanceAdministration admin, CancellationToken cancellationToken) =>
        ActorOf(user) is { } actor
            ? ApiResults.From(await admin.SaveAgreementAsync(actor, body with { Id = id }, cancellationToken).ConfigureAwait(false))
            : ApiResults.Unauthenticated();

    /// <summary>A person's directives: IG officers and administrators, and the read is audited against the person.</summary>
    internal static async Task<IResult> ListDirectivesAsync(string personId, ClaimsPrincipal user, GovernanceAdministration admin, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (ActorOf(user) is not { } actor)
        {
            return ApiResults.Unauthenticated();
        }

        if (!admin.Holds(actor, RoleCapabilities.Administration | RoleCapabilities.InformationGovernance))
        {
            return ApiResults.Forbidden("Reading a person's directives needs the administration or information-governance capability.");
        }

        var directives = await admin.DirectivesAsync(personId, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditRecord(AuditEventType.Read, "permit", actor.PractitionerId, actor.OrganisationId, actor.Role, null, actor.RequestId, [personId], [], Detail: "directives"),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(directives);
    }

    internal static async Task<IResult> RecordDirectiveAsync(string personId, DirectiveBody body, ClaimsPrincipal user, GovernanceAdministration admin, CancellationToken cancellationToken)
    {
        if (ActorOf(user) is not { } actor)
        {
            return ApiResults.Unauthenticated();
        }

        Purpose? purpose = null;
        if (body.Purpose is not null)
        {
            if (!PurposeCodes.TryParse(body.Purpose, out purpose))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = [$"unknown purpose '{body.Purpose}'"] });
            }
        }

        var (result, directive) = await admin.RecordDirectiveAsync(actor, personId, body.Kind, body.Category, purpose, body.RecipientOrganisationId, cancellationToken).ConfigureAwait(false);
        return ApiResults.From(result, directive);
    }

    internal static async Task<IResult> WithdrawDirectiveAsync(string personId, string id, ClaimsPrincipal user, GovernanceAdministration admin, CancellationToken cancellationToken) =>
        ActorOf(user) is { } actor
            ? ApiResults.From(await admin.WithdrawDirectiveAsync(actor, personId, id, cancellationToken).ConfigureAwait(false))
            : ApiResults.Unauthenticated();

    internal static async Task<IResult> SetLabelsAsync(string personId, LabelsBody body, ClaimsPrincipal user, GovernanceAdministration admin, CancellationToken cancellationToken) =>
        ActorOf(user) is { } actor
            ? ApiResults.From(await admin.SetPersonLabelsAsync(actor, personId, body.Labels, cancellationToken).ConfigureAwait(false))
            : ApiResults.Unauthenticated();

    internal static async Task<IResult> SaveInvolvementAsync(string personId, InvolvementBody body, ClaimsPrincipal user, GovernanceAdministration admin, CancellationToken cancellationToken) =>
        ActorOf(user) is { } actor
            ? ApiResults.From(await admin.SaveInvolvementAsync(actor, new Involvement(personId, body.OrganisationId, body.From, body.To), cancellationToken).ConfigureAwait(false))
            : ApiResults.Unauthenticated();

    /// <summary>The subject access report, as JSON or (with <c>?format=markdown</c>) as a document to hand over.</summary>
    internal static async Task<IResult> SubjectAccessAsync(string personId, string? format, ClaimsPrincipal user, SubjectAccessService service, CancellationToken cancellationToken)
    {
        if (ActorOf(user) is not { } actor)
        {
            return ApiResults.Unauthenticated();
        }

        var report = await service.BuildAsync(actor, personId, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return ApiResults.Forbidden("Subject access reports need the information-governance capability.");
        }

        return string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Text(SubjectAccessDocument.ToMarkdown(report), "text/markdown; charset=utf-8")
            : TypedResults.Ok(report);
    }

    internal static async Task<IResult> OpenBreakGlassAsync(BreakGlassBody body, ClaimsPrincipal user, BreakGlassService service, CancellationToken cancellationToken)
    {
        if (GovernanceClaims.RequestOf(user, AccessAction.Read) is not { } request)
        {
            return ApiResults.Unauthenticated();
        }

        var duration = body.DurationMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        var result = await service.OpenAsync(request, body.PersonId, body.Justification, body.Reason, duration, cancellationToken).ConfigureAwait(false);
        return result.Opened
            ? TypedResults.Ok(result.Session)
            : ApiResults.Forbidden("Break-glass refused: " + result.Refusal);
    }

    internal static IResult ListAlerts(ClaimsPrincipal user, GovernanceAdministration admin, IgAlertOutbox outbox)
    {
        if (ActorOf(user) is not { } actor)
        {
            return ApiResults.Unauthenticated();
        }

        if (!admin.Holds(actor, RoleCapabilities.InformationGovernance))
        {
            return ApiResults.Forbidden("IG alerts need the information-governance capability.");
        }

        // An IG officer sees the alerts addressed to their own organisation.
        return TypedResults.Ok(outbox.Alerts.Where(a => string.Equals(a.OrganisationId, actor.OrganisationId, StringComparison.Ordinal)).ToArray());
    }

    /// <summary>Audit search for IG officers, as a FHIR Bundle of BALP-style AuditEvents; the search is itself audited.</summary>
    internal static async Task<IResult> SearchAuditAsync(
        string? person, string? practitioner, string? organisation, DateTimeOffset? from, DateTimeOffset? to, int? limit,
        ClaimsPrincipal user, GovernanceAdministration admin, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (ActorOf(user) is not { } actor)
        {
            return ApiResults.Unauthenticated();
        }

        if (!admin.Holds(actor, RoleCapabilities.InformationGovernance))
        {
            return ApiResults.Forbidden("Audit search needs the information-governance capability.");
        }

        var entries = await audit.SearchAsync(new AuditQuery(person, practitioner, organisation, from, to, limit ?? 100), cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditRecord(AuditEventType.AuditSearched, "success", actor.PractitionerId, actor.OrganisationId, actor.Role, null, actor.RequestId,
                person is null ? [] : [person], [], Detail: $"results:{entries.Count}"),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(FhirAuditEvents.ToBundle(entries), contentType: "application/fhir+json");
    }

    internal static async Task<IResult> VerifyAuditAsync(ClaimsPrincipal user, GovernanceAdministration admin, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (ActorOf(user) is not { } actor)
        {
            return ApiResults.Unauthenticated();
        }

        if (!admin.Holds(actor, RoleCapabilities.InformationGovernance))
        {
            return ApiResults.Forbidden("Audit verification needs the information-governance capability.");
        }

        var result = await audit.VerifyAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { intact = result.IsIntact, entries = result.EntriesChecked, problem = result.Problem.ToString(), sequence = result.Sequence, lastHash = result.LastHash, description = result.Describe() });
    }

    private static Actor? ActorOf(ClaimsPrincipal user) => GovernanceClaims.ActorOf(user);
}
