using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>
/// <c>POST /fhir/Patient/$submit-batch</c>: the bulk ingest path. The body is a <c>batch</c> (or <c>collection</c>) Bundle
/// of up to <see cref="MaxEntries"/> Patients, each one source record: its key is its one identifier in a
/// <c>urn:gmconnect:source:</c> system (<c>urn:gmconnect:source:gp:P84001</c> | <c>123</c>), its fields as <c>$match</c>
/// reads them. The caller's organisation must hold every record's source (<see cref="SourceCustodians"/>): an
/// organisation submits its own records only. The Identity Manager matches the records in order (each sees the
/// batch's earlier ones) and stores them in one transaction: all or nothing. The answer is a <c>batch-response</c>
/// Bundle with one entry per Patient, in order: <c>201 Created</c> for a new record, <c>200 OK</c> for a changed or
/// unchanged one, the Patient's location and version — never which person it joined (that is PIXm's, decided by
/// Governance). A bad entry refuses the whole batch with an OperationOutcome naming the entry.
/// </summary>
internal static class SubmitEndpoint
{
    /// <summary>The most Patients in one batch.</summary>
    public const int MaxEntries = 1_000;

    public static void MapSubmitEndpoint(this RouteGroupBuilder fhir) =>
        fhir.MapPost("/Patient/$submit-batch", SubmitAsync).WithName("FhirSubmitPatients")
            .WithSummary("Bulk ingest: a batch Bundle of the caller's own source records as Patients, matched in order and stored in one transaction")
            .WithMetadata(new AuditedEndpoint(AuditEventType.Created));

    internal static async Task<IResult> SubmitAsync(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] IIdentityManager identity, CancellationToken cancellationToken)
    {
        var caller = FhirCaller.RequestOf(http, AccessAction.Read);
        var bundle = await FhirJson.ReadAsync<Bundle>(http.Request, cancellationToken);
        if (bundle.Type is not (Bundle.BundleType.Batch or Bundle.BundleType.Collection))
        {
            throw FhirRequestException.Invalid("$submit-batch needs a Bundle of type batch or collection.");
        }

        if (bundle.Entry.Count is 0 or > MaxEntries)
        {
            throw FhirRequestException.Invalid($"$submit-batch takes 1 to {MaxEntries} Patients (Bundle.entry).");
        }

        var records = new List<IdentityRecord>(bundle.Entry.Count);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is not Patient patient)
            {
                throw FhirRequestException.Invalid($"Bundle.entry[{i}].resource must be a Patient.");
            }

            var record = ToRecord(patient, i);
            if (!string.Equals(SourceCustodians.Of(record.Source), caller.OrganisationId, StringComparison.Ordinal))
            {
                return FhirResults.Forbidden($"Bundle.entry[{i}]: the caller's organisation does not hold that record's source; an organisation submits its own records only.");
            }

            records.Add(record);
        }

        if (records.Select(r => r.Key).Distinct().Count() != records.Count)
        {
            throw FhirRequestException.Invalid("A batch names each source record once (Bundle.entry Patients share a source identifier).");
        }

        IReadOnlyList<MatchOutcome> outcomes;
        try
        {
            outcomes = await identity.SubmitBatchAsync(records, cancellationToken);
        }
        catch (IdentityException e) when (e.Error == IdentityError.Invalid)
        {
            throw FhirRequestException.Invalid(e.Message);
        }

        var response = new Bundle { Type = Bundle.BundleType.BatchResponse };
        foreach (var outcome in outcomes)
        {
            response.Entry.Add(new Bundle.EntryComponent
            {
                Response = new Bundle.ResponseComponent
                {
                    Status = outcome.Created ? "201 Created" : "200 OK",
                    Location = "Patient/" + FhirIds.ForRecord(outcome.Key),
                },
            });
        }

        return FhirResults.Ok(response);
    }

    /// <summary>A Patient as a source record: its source key from its one <c>urn:gmconnect:source:</c> identifier.</summary>
    internal static IdentityRecord ToRecord(Patient patient, int entry)
    {
        var keys = patient.Identifier
            .Where(i => i.System?.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal) == true)
            .ToList();
        if (keys is not [{ Value: { Length: > 0 } recordId } key] || key.System!.Length == IdentifierSystems.SourceRecord.Length)
        {
            throw FhirRequestException.Invalid($"Bundle.entry[{entry}]: a Patient needs exactly one identifier whose system is {IdentifierSystems.SourceRecord} + its source, with a value.");
        }

        try
        {
            return IdentityResources.ToProbe(patient) with { Source = key.System[IdentifierSystems.SourceRecord.Length..], RecordId = recordId };
        }
        catch (FhirRequestException e)
        {
            throw FhirRequestException.Invalid($"Bundle.entry[{entry}]: {e.Message}");
        }
    }
}
