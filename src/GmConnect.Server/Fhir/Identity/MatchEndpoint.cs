using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>
/// <c>POST /fhir/Patient/$match</c>: a Parameters body with a <c>resource</c> (the Patient to match),
/// <c>onlySingleMatch</c>, <c>onlyCertainMatches</c> and <c>count</c> (default 10, at most 100). Answers a searchset
/// of Patients, best first, each with <c>search.score</c> (match probability) and the <c>match-grade</c> extension.
/// Nothing is stored. With <c>onlySingleMatch</c> the answer holds one Patient only when exactly one candidate is
/// <c>certain</c>; otherwise none, with an informational OperationOutcome saying why.
/// </summary>
internal static class MatchEndpoint
{
    public const int DefaultCount = 10;

    public static void MapMatchEndpoint(this RouteGroupBuilder fhir) =>
        fhir.MapPost("/Patient/$match", MatchAsync).WithName("FhirMatchPatient")
            .WithSummary("FHIR $match: scored candidates for a Patient, with match-grade")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Search));

    internal static async Task<IResult> MatchAsync(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] IIdentityManager identity, IdentityGate gate, CancellationToken cancellationToken)
    {
        var request = FhirCaller.RequestOf(http, AccessAction.Search);
        var parameters = await FhirJson.ReadAsync<Parameters>(http.Request, cancellationToken);
        var patient = parameters.Parameter.Where(p => p.Name == "resource").ToList() switch
        {
            [{ Resource: Patient p }] => p,
            _ => throw FhirRequestException.Invalid("$match needs exactly one 'resource' parameter holding a Patient."),
        };
        var onlySingle = Flag(parameters, "onlySingleMatch");
        var onlyCertain = Flag(parameters, "onlyCertainMatches");
        var count = parameters.Parameter.FirstOrDefault(p => p.Name == "count")?.Value switch
        {
            null => DefaultCount,
            Integer { Value: > 0 and var n } => Math.Min(n, FhirBundles.MaxCount),
            _ => throw FhirRequestException.Invalid("count must be a positive integer."),
        };

        var probe = IdentityResources.ToProbe(patient);
        if (probe is { FamilyName: null, GivenName: null, DateOfBirth: null, NhsNumber: null, Upn: null, Nino: null, PncId: null, Postcode: null })
        {
            throw FhirRequestException.Invalid("The Patient to match carries nothing to match on: give a name, birth date, postcode or identifier.");
        }

        var candidates = await identity.MatchAsync(probe, PatientEndpoints.CandidateLimit, cancellationToken);
        var kind = probe.Postcode is not null || probe.Address is not null ? QueryKind.Address : QueryKind.Demographic;
        var filtered = await gate.FilterAsync(request, candidates, c => c.Record, kind, PageRequest.All, cancellationToken);
        var permitted = filtered.Items
            .Where(i => !onlyCertain || i.Item.Grade == MatchGrade.Certain)
            .Select(i => (i.Item, Patient: IdentityGate.Disclose(IdentityResources.ToPatient(i.Item.Record), i.Decision)))
            .Where(i => i.Patient is not null)
            .ToList();

        string? note = null;
        if (onlySingle)
        {
            var certain = permitted.Where(p => p.Item.Grade == MatchGrade.Certain).ToList();
            permitted = certain.Count == 1 ? certain : [];
            note = certain.Count switch
            {
                1 => null,
                0 => "No certain match: onlySingleMatch returns nothing.",
                _ => "More than one certain match: onlySingleMatch returns nothing.",
            };
        }

        var page = permitted.Take(count).Select(p => new SearchEntry(p.Patient!, PatientEndpoints.Score(p.Item.Probability), GradeCode(p.Item.Grade))).ToList();
        var bundle = FhirBundles.SearchSet(http.Request, page, page.Count, 0, 0);
        if (note is not null)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = OperationOutcomes.Single(OperationOutcome.IssueType.MultipleMatches, note, OperationOutcome.IssueSeverity.Information),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
            });
        }

        return FhirResults.Ok(bundle);
    }

    public static string GradeCode(MatchGrade grade) => grade switch
    {
        MatchGrade.Certain => "certain",
        MatchGrade.Probable => "probable",
        MatchGrade.Possible => "possible",
        _ => "certainly-not",
    };

    private static bool Flag(Parameters parameters, string name) => parameters.Parameter.FirstOrDefault(p => p.Name == name)?.Value switch
    {
        null => false,
        FhirBoolean { Value: { } b } => b,
        _ => throw FhirRequestException.Invalid($"{name} must be a boolean."),
    };
}
