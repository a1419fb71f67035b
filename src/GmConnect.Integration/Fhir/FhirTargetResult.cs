namespace GmConnect.Integration.Fhir;

/// <summary>What a target did with one resource.</summary>
/// <param name="Outcome">Created, updated, unchanged, or rejected.</param>
/// <param name="TargetId">The id the resource has in the exchange (pointer id, content id), when it went in.</param>
/// <param name="Problems">Why it was rejected: FHIRPath-like field within the resource, and the reason (never a value).</param>
public sealed record FhirTargetResult(FhirTargetOutcome Outcome, string? TargetId, IReadOnlyList<FhirProblem> Problems)
{
    /// <summary>A resource that went in (or was already there as it is).</summary>
    public static FhirTargetResult Done(FhirTargetOutcome outcome, string targetId) => new(outcome, targetId, []);

    /// <summary>A resource set aside with its reasons.</summary>
    public static FhirTargetResult Rejected(params FhirProblem[] problems) => new(FhirTargetOutcome.Rejected, null, problems);
}
