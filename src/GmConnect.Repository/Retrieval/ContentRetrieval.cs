using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Repository.Content;

namespace GmConnect.Repository.Retrieval;

/// <summary>
/// Reads content for a practitioner: Governance decides on the item (custodian, category, sensitivity, the
/// person's objections and labels) and audits the decision; a permitted read of verified bytes is audited again
/// with the version and hash served. Denied or failing reads serve nothing of the content.
/// </summary>
public sealed class ContentRetrieval
{
    private readonly ContentRepository _repository;
    private readonly AccessGate _gate;
    private readonly AuditTrail _audit;

    internal ContentRetrieval(ContentRepository repository, AccessGate gate, AuditTrail audit)
    {
        _repository = repository;
        _gate = gate;
        _audit = audit;
    }

    /// <summary>Reads a version (or the latest when <paramref name="version"/> is null) on behalf of <paramref name="request"/>.</summary>
    public async Task<RetrievalResult> RetrieveAsync(AccessRequest request, string contentId, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        var item = await _repository.GetAsync(contentId, cancellationToken).ConfigureAwait(false);
        if (item is null || version is < 1 || version > item.LatestVersion)
        {
            return new RetrievalResult(RetrievalOutcome.NotFound, null, null);
        }

        var resource = new GovernedResource(ContentRepository.BinaryReference(item.Id), item.PersonKey, item.CustodianId, item.Category, item.Sensitivity);
        var decision = await _gate.DecideAsync(request, resource, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            return new RetrievalResult(decision.ConcealExistence ? RetrievalOutcome.NotFound : RetrievalOutcome.Denied, null, decision);
        }

        // Content is opaque bytes: a redaction (protected address) cannot be applied to it, so outside the
        // custodian a redact decision serves nothing.
        if (decision.Outcome == DecisionOutcome.Redact && !string.Equals(request.OrganisationId, item.CustodianId, StringComparison.Ordinal))
        {
            await AuditServedAsync(request, item, "deny", "not-served: content cannot be redacted", cancellationToken).ConfigureAwait(false);
            return new RetrievalResult(RetrievalOutcome.Denied, null, decision);
        }

        StoredContent? content;
        try
        {
            content = await _repository.ReadVerifiedAsync(contentId, version, cancellationToken).ConfigureAwait(false);
        }
        catch (ContentIntegrityException e)
        {
            await AuditServedAsync(request, item, "failure", $"not-served: integrity check failed on version {e.Version}", cancellationToken).ConfigureAwait(false);
            return new RetrievalResult(RetrievalOutcome.IntegrityFailure, null, decision);
        }

        if (content is null)
        {
            // Deleted between the decision and the read (a retention sweep).
            return new RetrievalResult(RetrievalOutcome.NotFound, null, decision);
        }

        await AuditServedAsync(request, item, "success", $"served version:{content.Version.Version} sha256:{content.Version.Sha256}", cancellationToken).ConfigureAwait(false);
        return new RetrievalResult(RetrievalOutcome.Permitted, content, decision);
    }

    private Task<AuditEntry> AuditServedAsync(AccessRequest request, ContentItem item, string outcome, string detail, CancellationToken cancellationToken) =>
        _audit.AppendAsync(
            new AuditRecord(
                AuditEventType.Read, outcome, request.PractitionerId, request.OrganisationId, request.Role, request.Purpose.ToCode(), request.RequestId,
                [item.PersonKey],
                [new AuditedResource(ContentRepository.BinaryReference(item.Id), item.PersonKey, item.CustodianId, item.Category, outcome, [])],
                Detail: detail),
            cancellationToken);
}
