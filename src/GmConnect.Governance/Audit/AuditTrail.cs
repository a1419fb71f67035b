using GmConnect.Governance.Configuration;
using GmConnect.Governance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Governance.Audit;

/// <summary>
/// The audit trail. Governance appends every decision; other components append every read of personal data
/// they serve (<see cref="AppendAsync"/>). Entries are hash-chained by the store.
/// </summary>
public sealed class AuditTrail
{
    private readonly IAuditStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly int _maxResults;

    internal AuditTrail(IAuditStore store, TimeProvider time, ILogger<AuditTrail> logger, IOptions<GovernanceOptions> options)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _maxResults = options.Value.MaxAuditResults;
    }

    /// <summary>Appends a record, stamped with the current time.</summary>
    public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _store.AppendAsync(record, _time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Searches the trail, newest first, capped at the configured maximum.</summary>
    public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _store.SearchAsync(query with { Limit = Math.Clamp(query.Limit, 1, _maxResults) }, cancellationToken);
    }

    /// <summary>Every matching entry, uncapped: for subject access reports.</summary>
    internal Task<IReadOnlyList<AuditEntry>> SearchAllAsync(AuditQuery query, CancellationToken cancellationToken) =>
        _store.SearchAsync(query with { Limit = int.MaxValue }, cancellationToken);

    /// <summary>Verifies the whole chain; pass a checkpoint kept elsewhere to detect removal of the last entries.</summary>
    public async Task<AuditVerification> VerifyAsync(AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var result = await AuditVerifier.VerifyAsync(_store.ReadAllAsync(cancellationToken), checkpoint, cancellationToken).ConfigureAwait(false);
        if (result.IsIntact)
        {
            Log.AuditIntact(_logger, result.EntriesChecked);
        }
        else
        {
            Log.AuditBroken(_logger, result.Problem.ToString(), result.Sequence);
        }

        return result;
    }
}
