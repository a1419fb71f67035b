using GmConnect.Integration.Fhir;
using Hl7.Fhir.Model;

namespace GmConnect.Integration.Tests.Fhir;

/// <summary>A <see cref="RecordingTarget"/> that takes a chunk at a time, and checks the importer's promise: no key twice in one call.</summary>
internal sealed class BulkRecordingTarget(string resourceType) : IFhirBulkImportTarget
{
    private readonly RecordingTarget _one = new(resourceType);

    public string ResourceType => _one.ResourceType;

    public IReadOnlyDictionary<string, string> Held => _one.Held;

    public List<int> CallSizes { get; } = [];

    public System.Threading.Tasks.Task<FhirTargetResult> ImportAsync(Resource resource, FhirImportContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The importer must hand a bulk target its resources a chunk at a time.");

    public async System.Threading.Tasks.Task<IReadOnlyList<FhirTargetResult>> ImportManyAsync(
        IReadOnlyList<(Resource Resource, FhirImportContext Context)> items, CancellationToken cancellationToken)
    {
        Assert.Equal(items.Count, items.Select(i => i.Context.Key).Distinct(StringComparer.Ordinal).Count());
        CallSizes.Add(items.Count);
        var results = new List<FhirTargetResult>();
        foreach (var (resource, context) in items)
        {
            results.Add(await _one.ImportAsync(resource, context, cancellationToken));
        }

        return results;
    }
}
