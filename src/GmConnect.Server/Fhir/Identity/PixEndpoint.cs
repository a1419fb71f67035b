using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>
/// IHE PIXm (ITI-83) <c>Patient/$ihe-pix</c>: given <c>sourceIdentifier=system|value</c>, the other identifiers
/// under which the same person is known (<c>targetIdentifier</c>) and the Patients that carry them
/// (<c>targetId</c>), optionally only of the systems named by <c>targetSystem</c>. As ITI-83 says: an unknown
/// source system is 400, an unknown identifier 404, an unknown target system 403. Only records Governance
/// permits contribute; the query is audited.
/// </summary>
internal static class PixEndpoint
{
    public static void MapPixEndpoint(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient/$ihe-pix", GetAsync).WithName("FhirPixQuery")
            .WithSummary("IHE PIXm: the identifiers of the person a sourceIdentifier belongs to")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Search));
        fhir.MapPost("/Patient/$ihe-pix", PostAsync).WithName("FhirPixQueryPost")
            .WithSummary("IHE PIXm with a Parameters body (sourceIdentifier, targetSystem)")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Search));
    }

    internal static Task<IResult> GetAsync(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] IIdentityManager identity, IdentityGate gate, CancellationToken cancellationToken)
    {
        foreach (var key in http.Request.Query.Keys)
        {
            if (key is not ("sourceIdentifier" or "targetSystem" or "_format"))
            {
                throw FhirRequestException.NotSupported($"Parameter '{key}' is not supported by $ihe-pix.");
            }
        }

        var source = http.Request.Query["sourceIdentifier"] is [{ } one] ? PdqQuery.Token(one, "sourceIdentifier")
            : throw FhirRequestException.Invalid("$ihe-pix needs exactly one sourceIdentifier=system|value.");
        var targets = http.Request.Query["targetSystem"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return QueryAsync(http, identity, gate, source, targets, cancellationToken);
    }

    internal static async Task<IResult> PostAsync(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] IIdentityManager identity, IdentityGate gate, CancellationToken cancellationToken)
    {
        var parameters = await FhirJson.ReadAsync<Parameters>(http.Request, cancellationToken);
        var source = parameters.Parameter.Where(p => p.Name == "sourceIdentifier").ToList() switch
        {
            [{ Value: Identifier { System: { Length: > 0 } system, Value: { Length: > 0 } value } }] => (system, value),
            [{ Value: FhirString { Value: { } token } }] => PdqQuery.Token(token, "sourceIdentifier"),
            _ => throw FhirRequestException.Invalid("$ihe-pix needs exactly one sourceIdentifier (an Identifier with system and value)."),
        };
        var targets = parameters.Parameter.Where(p => p.Name == "targetSystem")
            .Select(p => p.Value switch
            {
                FhirUri uri => uri.Value,
                FhirString text => text.Value,
                _ => throw FhirRequestException.Invalid("targetSystem must be a uri."),
            })
            .OfType<string>()
            .ToList();
        return await QueryAsync(http, identity, gate, source, targets, cancellationToken);
    }

    private static async Task<IResult> QueryAsync(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] IIdentityManager identity, IdentityGate gate, (string System, string Value) source, List<string> targets, CancellationToken cancellationToken)
    {
        var request = FhirCaller.RequestOf(http, AccessAction.Search);
        if (!IsKnownSystem(source.System))
        {
            throw new FhirRequestException(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.CodeInvalid, "sourceIdentifier's system is not one this exchange knows.");
        }

        if (targets.FirstOrDefault(t => !IsKnownSystem(t)) is not null)
        {
            throw new FhirRequestException(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.CodeInvalid, "A targetSystem is not one this exchange knows.");
        }

        var person = await identity.ResolveAsync(source.System, source.Value, cancellationToken)
            ?? throw FhirRequestException.NotFound("sourceIdentifier is not known.");
        var filtered = await gate.FilterAsync(request, person.Records, r => r, QueryKind.ByPerson, PageRequest.All, cancellationToken);
        if (filtered.Total == 0)
        {
            throw IdentityGate.Refusal(filtered, "sourceIdentifier's person");
        }

        var wanted = (string system) => targets.Count == 0 || targets.Contains(system, StringComparer.Ordinal);
        var sourceValue = PatientEndpoints.Canonical(source.Value);
        var result = new Parameters();
        var seen = new HashSet<(string, string)>();
        if (wanted(IdentifierSystems.Person) && !(source.System == IdentifierSystems.Person && source.Value == person.PersonId))
        {
            seen.Add((IdentifierSystems.Person, person.PersonId));
            result.Add("targetIdentifier", new Identifier(IdentifierSystems.Person, person.PersonId));
        }

        foreach (var item in filtered.Items)
        {
            var returned = false;
            foreach (var identifier in item.Item.Identifiers.Where(IdentityResources.Shown))
            {
                var isSource = identifier.System == source.System && identifier.Value == sourceValue;
                if (!isSource && wanted(identifier.System) && seen.Add((identifier.System, identifier.Value)))
                {
                    result.Add("targetIdentifier", IdentityResources.ToIdentifier(identifier));
                    returned = true;
                }
            }

            if (returned || targets.Count == 0)
            {
                result.Add("targetId", new ResourceReference("Patient/" + FhirIds.ForRecord(item.Item.Record.Key)));
            }
        }

        return FhirResults.Ok(result);
    }

    internal static bool IsKnownSystem(string system) =>
        system is IdentifierSystems.NhsNumber or IdentifierSystems.Upn or IdentifierSystems.Nino or IdentifierSystems.PncId or IdentifierSystems.Person
        || (system.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal) && system.Length > IdentifierSystems.SourceRecord.Length);
}
