using System.Collections.Concurrent;
using GmConnect.Integration.Fhir;
using Hl7.Fhir.Model;

namespace GmConnect.Integration.Tests.Fhir;

/// <summary>A target that keeps what it is given by key, like the Locator's upsert: the same key twice is one item.</summary>
internal sealed class RecordingTarget(string resourceType) : IFhirImportTarget
{
    public string ResourceType { get; } = resourceType;

    public ConcurrentDictionary<string, string> Held { get; } = new(StringComparer.Ordinal);

    public int Calls;

    /// <summary>Refuse resources whose description (or id) says so, the way the Locator refuses an unknown record type.</summary>
    public System.Threading.Tasks.Task<FhirTargetResult> ImportAsync(Resource resource, FhirImportContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (resource is DocumentReference { Description: "refuse" })
        {
            return System.Threading.Tasks.Task.FromResult(FhirTargetResult.Rejected(new FhirProblem("DocumentReference.type", "type: unknown record type")));
        }

        var json = (resource as DocumentReference)?.Description ?? resource.Id ?? "";
        var outcome = Held.TryGetValue(context.Key, out var before)
            ? before == json ? FhirTargetOutcome.Unchanged : FhirTargetOutcome.Updated
            : FhirTargetOutcome.Created;
        Held[context.Key] = json;
        return System.Threading.Tasks.Task.FromResult(FhirTargetResult.Done(outcome, ResourceType + "/" + context.Key));
    }
}
