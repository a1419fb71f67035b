using GmConnect.Governance.Api;
using GmConnect.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Server.Tests;

/// <summary>
/// Every endpoint that reads or changes a person's data, or the audit trail, declares the audit event it
/// appends (<see cref="AuditedEndpoint"/> metadata), so that no look at personal data goes unaudited by
/// oversight. Checked over the host's real endpoint table.
/// </summary>
public sealed class AuditDeclarationTests
{
    private static readonly string[] PersonalDataRoutes = ["/fhir", "/governance/persons", "/governance/audit", "/governance/break-glass"];

    [Fact]
    public async Task Endpoints_ReadingPersonalData_DeclareTheirAuditEvent()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);
        var endpoints = exchange.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var personal = endpoints.Where(e => PersonalDataRoutes.Any(prefix => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(prefix, StringComparison.Ordinal))).ToList();
        var undeclared = personal
            .Where(e => e.Metadata.GetMetadata<AuditedEndpoint>() is null && !IsExempt(e))
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText)
            .ToList();

        Assert.NotEmpty(personal);
        Assert.Empty(undeclared);
    }

    // Verification reads hashes, not personal data; the FHIR capability statement describes the server.
    private static bool IsExempt(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { } route && (route.EndsWith("/audit/verify", StringComparison.Ordinal) || route.EndsWith("/metadata", StringComparison.Ordinal));
}
