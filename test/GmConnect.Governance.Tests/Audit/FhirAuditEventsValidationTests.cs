using Firely.Fhir.Validation;
using GmConnect.Governance.Audit;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace GmConnect.Governance.Tests.Audit;

/// <summary>
/// The audit trail as IG officers receive it (a FHIR searchset of AuditEvents), checked by Firely's validator
/// against the R4 specification shipped in Hl7.Fhir.Specification.Data.R4 — offline, with the specification's own
/// value sets for terminology.
/// </summary>
public sealed class FhirAuditEventsValidationTests
{
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var specification = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(specification, LocalTerminologyService.CreateDefaultForCore(specification));
    });

    [Fact]
    public void ToBundle_AuditChain_IsValidR4WithNoErrors()
    {
        var json = FhirAuditEvents.ToBundle(AuditSamples.Chain(4)).ToJsonString();
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);

        var outcome = Validator.Value.Validate(bundle);

        var errors = Errors(outcome);
        Assert.True(errors.Length == 0, "Firely's validator found errors:\n" + string.Join('\n', errors));
        Assert.Equal(4, bundle.Entry.Count);
        Assert.All(bundle.Entry, e => Assert.IsType<AuditEvent>(e.Resource));
    }

    [Fact]
    public void Validate_AuditEventMissingRequiredElements_ReportsErrors()
    {
        // The check above means something only if this validator, set up this way, does find errors.
        // (Firely's parser already refuses such JSON, so the elements are removed after parsing.)
        var resource = new FhirJsonDeserializer().Deserialize<AuditEvent>(FhirAuditEvents.ToAuditEvent(AuditSamples.Chain(1)[0]).ToJsonString());
        resource.RecordedElement = null!;
        resource.Source = null!;

        var errors = Errors(Validator.Value.Validate(resource));

        Assert.Contains(errors, e => e.Contains("recorded", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("source", StringComparison.Ordinal));
    }

    private static string[] Errors(OperationOutcome outcome) =>
        outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Severity} {i.Code} at {string.Join(",", i.Expression)}: {i.Details?.Text}")
            .ToArray();
}
