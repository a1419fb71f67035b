using System.Data.Common;
using System.Security.Cryptography;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Repository.Retention;
using GmConnect.Repository.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Repository.Content;

/// <summary>
/// Content that custodians publish centrally, in immutable versions with a SHA-256 each. Publishing the same bytes
/// again stores nothing; every stored version is checked against its hash whenever it is read. Practitioners read
/// content through <see cref="Retrieval.ContentRetrieval"/>, which asks Governance first.
/// </summary>
public sealed class ContentRepository
{
    private readonly SqlContentStore _store;
    private readonly AuditTrail _audit;
    private readonly LondonCalendar _calendar;
    private readonly ILogger<ContentRepository> _logger;

    internal ContentRepository(SqlContentStore store, AuditTrail audit, TimeProvider time, ILogger<ContentRepository> logger)
    {
        _store = store;
        _audit = audit;
        _calendar = new LondonCalendar(time);
        _logger = logger;
    }

    /// <summary>
    /// Publishes content: a new item (version 1), or a new version of an existing one by its custodian. The same
    /// bytes and content type as the latest version store nothing (<see cref="PublishOutcome.Unchanged"/>). The
    /// retention date is computed from the request's class, date of birth and last activity. Audited.
    /// </summary>
    /// <exception cref="ArgumentException">A missing field, an unknown retention class or empty content.</exception>
    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default) =>
        PublishAsync(request, null, cancellationToken);

    /// <summary>
    /// As <see cref="PublishAsync(PublishRequest, CancellationToken)"/>; <paramref name="afterWrite"/> runs inside the
    /// publish transaction when a new version is written, so that work in the same store (an outbox entry) commits
    /// or rolls back with it.
    /// </summary>
    public async Task<PublishResult> PublishAsync(
        PublishRequest request,
        Func<DbTransaction, ContentVersion, CancellationToken, Task>? afterWrite,
        CancellationToken cancellationToken = default)
    {
        Validate(request);
        var now = _calendar.Now;
        var lastActivity = request.LastActivity ?? LondonCalendar.DayOf(now);
        if (lastActivity < request.DateOfBirth)
        {
            throw new ArgumentException("The last activity is before the date of birth.", nameof(request));
        }

        var contentId = request.ContentId ?? Guid.CreateVersion7(now).ToString();
        var sha = Convert.ToHexStringLower(SHA256.HashData(request.Bytes.Span));
        var result = await _store.PublishAsync(
            request, contentId, sha, now, lastActivity,
            activity => RetentionSchedule.Compute(request.RetentionClass, request.DateOfBirth, activity),
            afterWrite, cancellationToken).ConfigureAwait(false);

        if (result.Outcome == PublishOutcome.Created)
        {
            Log.Published(_logger, contentId, result.Version!.Version, result.Version.Size);
            await _audit.AppendAsync(
                new AuditRecord(
                    AuditEventType.Created, "success", request.CreatedBy, request.CustodianId, null, null, null,
                    [request.PersonKey],
                    [new AuditedResource(BinaryReference(contentId), request.PersonKey, request.CustodianId, request.Category, "permit", [])],
                    Detail: $"version:{result.Version.Version} sha256:{result.Version.Sha256}"),
                cancellationToken).ConfigureAwait(false);
        }
        else if (!result.IsStored)
        {
            Log.PublishRefused(_logger, contentId, result.Outcome.ToString());
        }

        return result;
    }

    /// <summary>The content item (metadata only), or null.</summary>
    public Task<ContentItem?> GetAsync(string contentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        return _store.GetItemAsync(contentId, cancellationToken);
    }

    /// <summary>Every version's metadata, oldest first (empty when the content does not exist).</summary>
    public Task<IReadOnlyList<ContentVersion>> ListVersionsAsync(string contentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        return _store.ListVersionsAsync(contentId, cancellationToken);
    }

    /// <summary>
    /// Sets a legal hold: retention will not delete the content until it is cleared. Audited. False when the
    /// content does not exist.
    /// </summary>
    public Task<bool> SetLegalHoldAsync(string contentId, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeHoldAsync(contentId, new LegalHold(reason, actor.PractitionerId, _calendar.Now), reason, actor, cancellationToken);
    }

    /// <summary>Clears a legal hold, with the reason it ends. Audited. False when the content does not exist.</summary>
    public Task<bool> ClearLegalHoldAsync(string contentId, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeHoldAsync(contentId, null, reason, actor, cancellationToken);
    }

    /// <summary>
    /// A version's bytes, or the latest's, after checking them against the hash recorded at publish. Not governed:
    /// callers outside this component go through <see cref="Retrieval.ContentRetrieval"/>.
    /// </summary>
    /// <exception cref="ContentIntegrityException">The stored bytes do not match their hash.</exception>
    internal async Task<StoredContent?> ReadVerifiedAsync(string contentId, int? version, CancellationToken cancellationToken)
    {
        var found = await _store.ReadAsync(contentId, version, cancellationToken).ConfigureAwait(false);
        if (found is not { } read)
        {
            return null;
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(read.Bytes));
        if (!string.Equals(actual, read.Version.Sha256, StringComparison.Ordinal) || read.Bytes.LongLength != read.Version.Size)
        {
            Log.IntegrityFailure(_logger, contentId, read.Version.Version);
            throw new ContentIntegrityException(contentId, read.Version.Version);
        }

        return new StoredContent(read.Item, read.Version, read.Bytes);
    }

    /// <summary>The resource reference the audit trail records for content, e.g. <c>Binary/…</c>.</summary>
    internal static string BinaryReference(string contentId) => "Binary/" + contentId;

    private async Task<bool> ChangeHoldAsync(string contentId, LegalHold? hold, string reason, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        var item = await _store.GetItemAsync(contentId, cancellationToken).ConfigureAwait(false);
        if (item is null || !await _store.SetHoldAsync(contentId, hold, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var change = hold is null ? "cleared" : "set";
        Log.HoldChanged(_logger, contentId, change);
        await _audit.AppendAsync(
            new AuditRecord(
                AuditEventType.LegalHoldChanged, "success", actor.PractitionerId, actor.OrganisationId, actor.Role, null, actor.RequestId,
                [item.PersonKey],
                [new AuditedResource(BinaryReference(contentId), item.PersonKey, item.CustodianId, item.Category, change, [])],
                Detail: $"hold-{change}: {reason}"),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static void Validate(PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ContentType, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.CustodianId, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.CreatedBy, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RecordType, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Category, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PersonKey, nameof(request));
        if (request.ContentId is not null && !ContentIds.IsValid(request.ContentId))
        {
            throw new ArgumentException("A content id is 1–64 characters of A–Z, a–z, 0–9, '-' and '.' (a FHIR id).", nameof(request));
        }

        if (request.Bytes.IsEmpty)
        {
            throw new ArgumentException("Content must not be empty.", nameof(request));
        }

        if (!RetentionClasses.IsKnown(request.RetentionClass))
        {
            throw new ArgumentException($"Unknown retention class '{request.RetentionClass}'. Known: {string.Join(", ", RetentionClasses.Known)}.", nameof(request));
        }
    }
}
