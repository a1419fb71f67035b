using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>
/// Puts every Patient and Person the FHIR API returns through Governance: a source record's demographics are
/// category <c>demographics</c>, held by the source's organisation (<see cref="SourceCustodians"/>), about the
/// person it is linked to. <see cref="AccessGate"/> decides and appends to the audit trail; this class applies
/// the decision (redaction of a protected address, or refusal).
/// </summary>
internal sealed class IdentityGate(AccessGate gate)
{
    /// <summary>The record category of identity data.</summary>
    public const string Category = "demographics";

    private static readonly Coding RedactedTag = new("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "REDACTED", "redacted");

    public static GovernedResource ResourceOf(LinkedRecord record) =>
        new("Patient/" + FhirIds.ForRecord(record.Record.Key), record.PersonId, SourceCustodians.Of(record.Record.Source), Category);

    /// <summary>Decides on one record (audited) and returns its Patient, redacted as decided; throws 404 or 403 otherwise.</summary>
    public async Task<Patient> ReadAsync(AccessRequest request, LinkedRecord record, CancellationToken cancellationToken)
    {
        var decision = await gate.DecideAsync(request, ResourceOf(record), cancellationToken).ConfigureAwait(false);
        return Disclose(IdentityResources.ToPatient(record), decision)
            ?? throw Refusal(decision, "Patient", FhirIds.ForRecord(record.Record.Key));
    }

    /// <summary>Decides on every candidate before counting and paging (audited as one search).</summary>
    public Task<FilterResult<T>> FilterAsync<T>(AccessRequest request, IReadOnlyList<T> items, Func<T, LinkedRecord> recordOf, QueryKind kind, PageRequest page, CancellationToken cancellationToken) =>
        gate.FilterAsync(request, [.. items.Select(i => new Candidate<T>(i, ResourceOf(recordOf(i))))], kind, page, cancellationToken);

    /// <summary>
    /// The resource as the decision allows: as is, with the redacted fields removed (and tagged REDACTED), or
    /// null when denied. A redaction of a field this mapper does not know denies: we fail closed.
    /// </summary>
    public static T? Disclose<T>(T resource, Decision decision)
        where T : DomainResource
    {
        if (!decision.IsAllowed)
        {
            return null;
        }

        if (decision.Outcome != DecisionOutcome.Redact)
        {
            return resource;
        }

        foreach (var field in decision.RedactedFields)
        {
            switch (resource, field)
            {
                case (Patient p, "address"): p.Address.Clear(); break;
                case (Patient p, "telecom"): p.Telecom.Clear(); break;
                case (Patient p, "contact"): p.Contact.Clear(); break;
                case (Patient p, "generalPractitioner"): p.GeneralPractitioner.Clear(); break;
                case (Person p, "address"): p.Address.Clear(); break;
                case (Person p, "telecom"): p.Telecom.Clear(); break;
                case (Person, "contact" or "generalPractitioner"): break;
                default: return null;
            }
        }

        resource.Meta ??= new Meta();
        resource.Meta.Security.Add(RedactedTag);
        return resource;
    }

    /// <summary>404 when the denial conceals existence (or the redaction could not be applied), else 403 with the reason codes.</summary>
    public static FhirRequestException Refusal(Decision decision, string resourceType, string id) =>
        decision.ConcealExistence || decision.IsAllowed
            ? FhirRequestException.NotFound($"{resourceType}/{id} is not known.")
            : new FhirRequestException(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                $"Access to {resourceType}/{id} is denied: {string.Join(", ", decision.Reasons.Select(r => r.Code))}.");

    /// <summary>For a query about one person where nothing is permitted: 403 with counts per reason category when some were withheld visibly, else 404.</summary>
    public static FhirRequestException Refusal<T>(FilterResult<T> result, string what) =>
        result.WithheldCount > 0
            ? new FhirRequestException(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                $"Access to {what} is denied: " + string.Join(", ", result.Withheld.OrderBy(w => w.Key).Select(w => $"{w.Value} withheld ({w.Key.ToString().ToLowerInvariant()})")) + ".")
            : FhirRequestException.NotFound($"{what} is not known.");
}
