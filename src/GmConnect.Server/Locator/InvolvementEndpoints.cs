using GmConnect.Governance.Administration;
using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GmConnect.Server.Locator;

/// <summary>
/// Involvements over plain JSON under <c>/api/locator/involvements</c> (FHIR has no resource that fits as well:
/// <c>EpisodeOfCare</c> is one provider's care episode, not "which services are working with this person"). Register
/// and end are the organisation's own; listing is a POST so that identifiers stay out of URLs, and is decided per
/// involvement by Governance and audited.
/// </summary>
internal static class InvolvementEndpoints
{
    public static IEndpointRouteBuilder MapInvolvementsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/locator/involvements").WithTags("Locator").RequireAuthorization();
        api.MapPost("/", RegisterAsync).WithName("RegisterInvolvement").DisableAntiforgery()
            .WithSummary("Register your organisation's involvement with a person").WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        api.MapPost("/{id}/end", EndAsync).WithName("EndInvolvement").DisableAntiforgery()
            .WithSummary("End one of your organisation's involvements").WithMetadata(new AuditedEndpoint(AuditEventType.RegistryChanged));
        api.MapPost("/_search", ListAsync).WithName("ListInvolvements").DisableAntiforgery()
            .WithSummary("The involvements with a person (by any identifier), decided by Governance").WithMetadata(new AuditedEndpoint(AuditEventType.Search));
        return endpoints;
    }

    internal static async Task<Results<Created<InvolvementRecord>, ProblemHttpResult>> RegisterAsync(
        RegisterInvolvementBody body, HttpContext http, InvolvementRegister register, CancellationToken cancellationToken)
    {
        if (ActorOf(http) is not { } actor)
        {
            return Forbidden();
        }

        var outcome = await register.RegisterAsync(actor, new InvolvementDraft
        {
            Subject = new SubjectIdentifier(body.Subject?.System ?? "", body.Subject?.Value ?? ""),
            Team = body.Team,
            LeadContact = body.LeadContact,
            Start = body.Start,
            End = body.End,
            LastContact = body.LastContact,
        }, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/locator/involvements/{outcome.Involvement!.Id}", outcome.Involvement)
            : Problem(outcome);
    }

    internal static async Task<Results<Ok<InvolvementRecord>, ProblemHttpResult>> EndAsync(
        string id, EndInvolvementBody body, HttpContext http, InvolvementRegister register, CancellationToken cancellationToken)
    {
        if (ActorOf(http) is not { } actor)
        {
            return Forbidden();
        }

        var outcome = await register.EndAsync(actor, id, body.End, body.LastContact, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Involvement!) : Problem(outcome);
    }

    internal static async Task<Results<Ok<InvolvementList>, ProblemHttpResult>> ListAsync(
        IdentifierBody body, HttpContext http, InvolvementRegister register, CancellationToken cancellationToken)
    {
        var requestId = http.Request.Headers["X-Request-ID"].FirstOrDefault() ?? http.TraceIdentifier;
        if (GovernanceClaims.RequestOf(http.User, AccessAction.Search, requestId) is not { } request)
        {
            return Forbidden();
        }

        if (string.IsNullOrWhiteSpace(body.System) || string.IsNullOrWhiteSpace(body.Value))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid", detail: "system and value are required");
        }

        var result = await register.ListAsync(request, new SubjectIdentifier(body.System, body.Value), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new InvolvementList(
            [.. result.Items.Select(i => i.Item)],
            result.Total,
            result.Withheld.ToDictionary(w => w.Key.ToString().ToLowerInvariant(), w => w.Value, StringComparer.Ordinal)));
    }

    private static Actor? ActorOf(HttpContext http) =>
        GovernanceClaims.ActorOf(http.User, http.Request.Headers["X-Request-ID"].FirstOrDefault() ?? http.TraceIdentifier);

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The token must name the practitioner, organisation, role and purpose of use.");

    private static ProblemHttpResult Problem(InvolvementOutcome outcome) => TypedResults.Problem(
        statusCode: outcome.Refusal switch
        {
            PointerRefusal.NotFound => StatusCodes.Status404NotFound,
            PointerRefusal.Invalid => StatusCodes.Status400BadRequest,
            PointerRefusal.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status403Forbidden,
        },
        title: outcome.Refusal.ToString(),
        detail: string.Join("; ", outcome.Problems));
}
