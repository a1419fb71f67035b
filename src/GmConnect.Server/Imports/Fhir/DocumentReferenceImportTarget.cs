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
/// twice updates one pointer rather than creating two. A chunk at a time (<see cref="ImportManyAsync"/>), the drafts
/// go to <see cref="BulkPointerPublisher.UpsertManyAsync"/>: the same checks and outcomes, decided and written per
/// chunk (docs/adr/0009).
/// </summary>
internal sealed class DocumentReferenceImportTarget(PointerPublisher publisher, BulkPointerPublisher bulk, ImportActors actors) : IFhirBulkImportTarget
{
    /// <summary>The master identifier system of pointers imported without one: <c>{system}|{resource id}</c>.</summary>
    public const string ImportIdSystem = "urn:gmconnect:fhir-import:id";

    public string ResourceType => "DocumentReference";

    public async Task<FhirTargetResult> ImportAsync(Resource resource, FhirImportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (actors.For(context) is not { } actor)
        {
            return ImportProblems.NoActor(ResourceType, context.Organisation);
        }

        var (draft, rejected) = Draft(resource, context);
        return rejected ?? Result(await publisher.UpsertAsync(actor, draft!, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<FhirTargetResult>> ImportManyAsync(IReadOnlyList<(Resource Resource, FhirImportContext Context)> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new FhirTargetResult[items.Count];
        // One actor per organisation and batch (an import names one); drafts keep their order within each.
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => items[i].Context with { Key = "" }))
        {
            if (actors.For(group.Key) is not { } actor)
            {
                foreach (var i in group)
                {
                    results[i] = ImportProblems.NoActor(ResourceType, group.Key.Organisation);
                }

                continue;
            }

            var drafts = new List<(int Index, PointerDraft Draft)>();
            foreach (var i in group)
            {
                var (draft, rejected) = Draft(items[i].Resource, items[i].Context);
                if (rejected is not null)
                {
                    results[i] = rejected;
                }
                else
                {
                    drafts.Add((i, draft!));
                }
            }

            var outcomes = await bulk.UpsertManyAsync(actor, [.. drafts.Select(d => d.Draft)], cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < drafts.Count; j++)
            {
                results[drafts[j].Index] = Result(outcomes[j]);
            }
        }

        return results;
    }

    private static (PointerDraft? Draft, FhirTargetResult? Rejected) Draft(Resource resource, FhirImportContext context)
    {
        PointerDraft draft;
        try
        {
            draft = DocumentReferenceMapping.ToDraft((DocumentReference)resource);
        }
        catch (FhirRequestException e)
        {
            return (null, FhirTargetResult.Rejected(ImportProblems.From("DocumentReference", e.Message.Split("; "))));
        }

        return (draft.MasterIdentifier is null ? draft with { MasterIdentifier = ImportIdSystem + "|" + context.Key } : draft, null);
    }

    private FhirTargetResult Result(PointerOutcome outcome) => outcome.Succeeded
        ? FhirTargetResult.Done(outcome.Created ? FhirTargetOutcome.Created : FhirTargetOutcome.Updated, outcome.RecordPointer!.Id)
        : FhirTargetResult.Rejected(ImportProblems.From(ResourceType, outcome.Problems));
}
