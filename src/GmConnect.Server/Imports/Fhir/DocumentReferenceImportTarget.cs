using GmConnect.Integration.Fhir;
using GmConnect.Locator.Pointers;
using GmConnect.Server.Fhir.DocumentReferences;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Imports.Fhir;

/// <summary>
/// Imported <c>DocumentReference</c>s go where <c>PUT /fhir/DocumentReference</c> (upsert) sends them: the same
/// mapping (<see cref="DocumentReferenceMapping.ToDraft"/>), then <see cref="PointerPublisher.UpsertAsync"/> as the
/// importing organisation — custodian check, publishable types, audit and the notification outbox included. A
/// resource without a master identifier is keyed by its id (<see cref="ImportIdSystem"/>), so that importing it
/// twice updates one pointer rather than creating two.
/// </summary>
internal sealed class DocumentReferenceImportTarget(PointerPublisher publisher, ImportActors actors) : IFhirImportTarget
{
    /// <summary>The master identifier system of pointers imported without one: <c>{system}|{resource id}</c>.</summary>
    public const string ImportIdSystem = "urn:gmconnect:fhir-import:id";

    public string ResourceType => "DocumentReference";

    public async Task<FhirTargetResult> ImportAsync(Resource resource, FhirImportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Organisation is not { } organisation || actors.For(organisation, context.BatchId) is not { } actor)
        {
            return ImportProblems.NoActor(ResourceType, context.Organisation);
        }

        PointerDraft draft;
        try
        {
            draft = DocumentReferenceMapping.ToDraft((DocumentReference)resource);
        }
        catch (FhirRequestException e)
        {
            return FhirTargetResult.Rejected(ImportProblems.From(ResourceType, e.Message.Split("; ")));
        }

        if (draft.MasterIdentifier is null)
        {
            draft = draft with { MasterIdentifier = ImportIdSystem + "|" + context.Key };
        }

        var outcome = await publisher.UpsertAsync(actor, draft, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return FhirTargetResult.Rejected(ImportProblems.From(ResourceType, outcome.Problems));
        }

        return FhirTargetResult.Done(outcome.Created ? FhirTargetOutcome.Created : FhirTargetOutcome.Updated, outcome.RecordPointer!.Id);
    }
}
