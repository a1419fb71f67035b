using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Notifications;
using GmConnect.Notifications.Delivery;
using GmConnect.Notifications.Subscriptions;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Fhir.Subscriptions;

/// <summary>
/// FHIR R4 <c>Subscription</c> (rest-hook): <c>POST /fhir/Subscription</c> creates one owned by the caller's
/// organisation, <c>GET</c> and <c>DELETE /fhir/Subscription/{id}</c> read and turn off the organisation's own.
/// </summary>
internal static class SubscriptionEndpoints
{
    public static IServiceCollection AddFhirSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNotifications(o => configuration.GetSection(NotificationOptions.Section).Bind(o));
        services.AddSingleton<IFhirCapability, SubscriptionCapability>();
        return services;
    }

    public static IEndpointRouteBuilder MapFhirSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapFhirGroup();
        group.MapPost("/Subscription", CreateAsync).WithName("FhirSubscriptionCreate")
            .WithSummary("Subscribe (rest-hook) to new pointers for a person (subject:identifier) or of record types (type); owned by the caller's organisation")
            .Accepts<string>(FhirJson.MediaType)
            .WithMetadata(new AuditedEndpoint(AuditEventType.Created));
        group.MapGet("/Subscription/{id}", ReadAsync).WithName("FhirSubscriptionRead")
            .WithSummary("One of the caller's organisation's subscriptions")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Read));
        group.MapDelete("/Subscription/{id}", DeleteAsync).WithName("FhirSubscriptionDelete")
            .WithSummary("Turn off one of the caller's organisation's subscriptions")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Deleted));
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var caller = FhirCaller.RequestOf(http, AccessAction.Read);
        var (criteria, endpoint) = SubscriptionResources.Read(await FhirJson.ReadAsync<Hl7.Fhir.Model.Subscription>(http.Request, cancellationToken));
        var result = await subscriptions.CreateAsync(new SubscriptionRequest(caller, criteria, endpoint), cancellationToken);
        if (result.Subscription is not { } created)
        {
            throw FhirRequestException.Invalid(result.Problem!);
        }

        http.Response.Headers.Location = "/fhir/Subscription/" + created.Id;
        return new FhirResourceResult(SubscriptionResources.ToFhir(created), StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReadAsync(string id, HttpContext http, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var caller = FhirCaller.RequestOf(http, AccessAction.Read);
        var found = await subscriptions.GetAsync(id, caller.OrganisationId, cancellationToken);
        return found is null ? FhirResults.NotFound("Subscription", id) : FhirResults.Ok(SubscriptionResources.ToFhir(found));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var caller = FhirCaller.RequestOf(http, AccessAction.Read);
        return await subscriptions.DeleteAsync(id, caller, cancellationToken) ? Results.NoContent() : FhirResults.NotFound("Subscription", id);
    }
}
