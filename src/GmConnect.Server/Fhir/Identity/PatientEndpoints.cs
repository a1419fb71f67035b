using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Identity;

/// <summary><c>Patient</c> read and PDQm search; <c>Person</c> read.</summary>
internal static class PatientEndpoints
{
    /// <summary>The most candidates a search considers (decided, counted and paged among): the best first.</summary>
    public const int CandidateLimit = 100;

    public static void MapPatientEndpoints(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient/{id}", ReadPatientAsync).WithName("FhirReadPatient")
            .WithSummary("Read one source record as a FHIR Patient").WithMetadata(new AuditedEndpoint(AuditEventType.Read));
        fhir.MapGet("/Patient", SearchPatientsAsync).WithName("FhirSearchPatients")
            .WithSummary("PDQm: search Patients by family, given, birthdate, gender, address-postalcode (exact, or _fuzzy-match=true) or identifier")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Search));
        fhir.MapGet("/Person/{id}", ReadPersonAsync).WithName("FhirReadPerson")
            .WithSummary("Read a linked person as a FHIR Person, with a link to each of its Patients")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Read));
    }

    internal static async Task<IResult> ReadPatientAsync(string id, HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] IIdentityManager identity, IdentityGate gate, CancellationToken cancellationToken)
    {
        var request = FhirCaller.RequestOf(http, AccessAction.Read);
        var key = FhirIds.ToRecordKey(id) ?? throw FhirRequestException.NotFound($"Patient/{id} is not known.");
        var record = await identity.GetRecordAsync(key, cancellationToken) ?? throw FhirRequestException.NotFound($"Patient/{id} is not known.");
        return FhirResults.Ok(await gate.ReadAsync(request, record, cancellationToken));
    }

    internal static async Task<IResult> SearchPatientsAsync(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] IIdentityManager identity, IdentityGate gate, CancellationToken cancellationToken)
    {
        var request = FhirCaller.RequestOf(http, AccessAction.Search);
        var query = PdqQuery.Parse(http.Request.Query, CandidateLimit);
        var (offset, count) = FhirBundles.Paging(http.Request);

        IReadOnlyList<ScoredCandidate> candidates;
        QueryKind kind;
        if (query.Identifier is { } identifier)
        {
            candidates = await ByIdentifierAsync(identity, identifier.System, identifier.Value, cancellationToken);
            kind = QueryKind.ByPerson;
        }
        else
        {
            candidates = await identity.SearchAsync(query.Demographics!, cancellationToken);
            kind = query.UsesAddress ? QueryKind.Address : QueryKind.Demographic;
        }

        var filtered = await gate.FilterAsync(request, candidates, c => c.Record, kind, new PageRequest(offset, count), cancellationToken);
        var page = filtered.Items
            .Select(item => IdentityGate.Disclose(IdentityResources.ToPatient(item.Item.Record), item.Decision) is { } patient
                ? new SearchEntry(patient, Score(item.Item.Probability))
                : null)
            .OfType<SearchEntry>()
            .ToList();
        return FhirResults.Ok(FhirBundles.SearchSet(http.Request, page, filtered.Total, offset, count));
    }

    internal static async Task<IResult> ReadPersonAsync(string id, HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] IIdentityManager identity, IdentityGate gate, CancellationToken cancellationToken)
    {
        var request = FhirCaller.RequestOf(http, AccessAction.Read);
        var personId = FhirIds.ToPersonId(id) ?? throw FhirRequestException.NotFound($"Person/{id} is not known.");
        var person = await identity.GetPersonAsync(personId, cancellationToken) ?? throw FhirRequestException.NotFound($"Person/{id} is not known.");
        var filtered = await gate.FilterAsync(request, person.Records, r => r, QueryKind.ByPerson, PageRequest.All, cancellationToken);
        if (filtered.Total == 0 && person.MergedInto is null)
        {
            throw IdentityGate.Refusal(filtered, $"Person/{id}");
        }

        var permitted = filtered.Items.Where(i => IdentityGate.Disclose(IdentityResources.ToPatient(i.Item), i.Decision) is not null).Select(i => i.Item);
        return FhirResults.Ok(IdentityResources.ToPerson(person.PersonId, permitted, person.MergedInto));
    }

    /// <summary>A source key finds that record; a national identifier or person id finds the person's records that carry it.</summary>
    internal static async Task<IReadOnlyList<ScoredCandidate>> ByIdentifierAsync(IIdentityManager identity, string system, string value, CancellationToken cancellationToken)
    {
        if (system.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal))
        {
            var record = await identity.GetRecordAsync(new SourceRecordKey(system[IdentifierSystems.SourceRecord.Length..], value), cancellationToken);
            return record is null ? [] : [Exact(record)];
        }

        var person = await identity.ResolveAsync(system, value, cancellationToken);
        if (person is null)
        {
            return [];
        }

        var all = string.Equals(system, IdentifierSystems.Person, StringComparison.Ordinal);
        return [.. person.Records
            .Where(r => all || r.Identifiers.Any(i => i.Valid && string.Equals(i.System, system, StringComparison.Ordinal) && string.Equals(i.Value, Canonical(value), StringComparison.Ordinal)))
            .Select(Exact)];
    }

    /// <summary>An identifier value as the index keeps it: no spaces, upper case.</summary>
    internal static string Canonical(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static ScoredCandidate Exact(LinkedRecord record) => new(record, 1.0, null, MatchGrade.Certain, []);

    internal static decimal Score(double probability) => Math.Round((decimal)Math.Clamp(probability, 0, 1), 4);
}
