using GmConnect.Integration.Fhir;
using GmConnect.Repository.Content;
using GmConnect.Server.Fhir.Binaries;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Imports.Fhir;

/// <summary>
/// Imported <c>Binary</c> resources go where <c>PUT /fhir/Binary/{id}</c> sends them: the same metadata
/// (<see cref="BinaryMetadata.From"/>), then <see cref="ContentRepository.PublishAsync(PublishRequest, CancellationToken)"/>
/// with the resource's id as the content id and the importing organisation as custodian. The same bytes again store
/// nothing, so a re-run after a crash cannot add a version.
/// </summary>
internal sealed class BinaryImportTarget(ContentRepository repository, ImportActors actors) : IFhirImportTarget
{
    public string ResourceType => "Binary";

    public async Task<FhirTargetResult> ImportAsync(Resource resource, FhirImportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var binary = (Binary)resource;
        if (actors.For(context) is not { } actor)
        {
            return ImportProblems.NoActor(ResourceType, context.Organisation);
        }

        if (!ContentIds.IsValid(context.Key))
        {
            return FhirTargetResult.Rejected(new FhirProblem("Binary.id", "not a valid content id"));
        }

        if (binary.Data is not { Length: > 0 } data || string.IsNullOrWhiteSpace(binary.ContentType))
        {
            return FhirTargetResult.Rejected(new FhirProblem(binary.Data is { Length: > 0 } ? "Binary.contentType" : "Binary.data", "Binary needs contentType and data"));
        }

        PublishResult result;
        try
        {
            var metadata = BinaryMetadata.From(binary);
            result = await repository.PublishAsync(
                new PublishRequest(context.Key, data, binary.ContentType, actor.OrganisationId, actor.PractitionerId, metadata.RecordType, metadata.Category,
                    metadata.PersonKey, metadata.DateOfBirth, metadata.RetentionClass, metadata.Sensitivity, metadata.LastActivity),
                cancellationToken).ConfigureAwait(false);
        }
        catch (FhirRequestException e)
        {
            return FhirTargetResult.Rejected(new FhirProblem("Binary.meta.extension", e.Message));
        }
        catch (ArgumentException e)
        {
            // The repository's guard messages name fields and classes, never values of personal data.
            return FhirTargetResult.Rejected(new FhirProblem("Binary", e.Message));
        }

        return result.Outcome switch
        {
            PublishOutcome.Created => FhirTargetResult.Done(result.Version!.Version == 1 ? FhirTargetOutcome.Created : FhirTargetOutcome.Updated, result.Version.ContentId),
            PublishOutcome.Unchanged => FhirTargetResult.Done(FhirTargetOutcome.Unchanged, result.Version!.ContentId),
            _ => FhirTargetResult.Rejected(new FhirProblem("Binary.id", result.Problem ?? result.Outcome.ToString())),
        };
    }
}
