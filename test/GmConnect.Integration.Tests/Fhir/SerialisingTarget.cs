using System.Text.Json;
using GmConnect.Integration.Fhir;
using Hl7.Fhir.Model;

namespace GmConnect.Integration.Tests.Fhir;

/// <summary>A bulk target that keeps every resource it is handed, as the SDK serialises it, in order.</summary>
internal sealed class SerialisingTarget(string resourceType) : IFhirBulkImportTarget
{
    public string ResourceType { get; } = resourceType;

    public List<string> Received { get; } = [];

    public System.Threading.Tasks.Task<FhirTargetResult> ImportAsync(Resource resource, FhirImportContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The importer must hand a bulk target its resources a chunk at a time.");

    public System.Threading.Tasks.Task<IReadOnlyList<FhirTargetResult>> ImportManyAsync(
        IReadOnlyList<(Resource Resource, FhirImportContext Context)> items, CancellationToken cancellationToken)
    {
        var results = new List<FhirTargetResult>();
        foreach (var (resource, context) in items)
        {
            Received.Add(context.Key + " " + JsonSerializer.Serialize(resource, FhirJson.Options));
            results.Add(FhirTargetResult.Done(FhirTargetOutcome.Created, context.Key));
        }

        return System.Threading.Tasks.Task.FromResult<IReadOnlyList<FhirTargetResult>>(results);
    }
}
