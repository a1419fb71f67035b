using GmConnect.Governance.Audit;
using GmConnect.Repository.Content;
using GmConnect.Repository.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Repository.Retention;

/// <summary>
/// Deletes content past its retention date that is not on legal hold, and audits each deletion. Expiry is judged
/// on today's London calendar day: content retained until a day is deletable from the next.
/// </summary>
/// <remarks>
/// Each deletion re-checks expiry and hold in the deleting statement, so a hold set during a sweep wins. The audit
/// entry is appended after the delete commits (the audit trail is its own chain): a crash between the two leaves
/// one deletion unaudited, never an audited deletion that did not happen.
/// </remarks>
public sealed class RetentionSweeper
{
    private const int PageSize = 500;
    private const string SweeperId = "gmc-retention-sweep";

    private readonly SqlContentStore _store;
    private readonly AuditTrail _audit;
    private readonly LondonCalendar _calendar;
    private readonly ILogger<RetentionSweeper> _logger;

    internal RetentionSweeper(SqlContentStore store, AuditTrail audit, TimeProvider time, ILogger<RetentionSweeper> logger)
    {
        _store = store;
        _audit = audit;
        _calendar = new LondonCalendar(time);
        _logger = logger;
    }

    /// <summary>Sweeps once. With <paramref name="dryRun"/>, counts what would be deleted and changes nothing.</summary>
    public async Task<SweepResult> SweepAsync(bool dryRun = false, IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var today = _calendar.Today;
        var expected = await _store.CountExpiredAsync(today, cancellationToken).ConfigureAwait(false);
        int examined = 0, held = 0;
        var deleted = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await _store.ListExpiredAsync(today, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page)
            {
                examined++;
                if (item.Hold is not null)
                {
                    held++;
                }
                else if (dryRun)
                {
                    deleted.Add(item.Id);
                }
                else if (await _store.DeleteExpiredAsync(item.Id, today, cancellationToken).ConfigureAwait(false))
                {
                    deleted.Add(item.Id);
                    await _audit.AppendAsync(
                        new AuditRecord(
                            AuditEventType.Deleted, "success", SweeperId, null, null, null, null,
                            [item.PersonKey],
                            [new AuditedResource(ContentRepository.BinaryReference(item.Id), item.PersonKey, item.CustodianId, item.Category, "deleted", [])],
                            Detail: $"retention:{item.RetentionClass} retain-until:{item.RetainUntil:yyyy-MM-dd} versions:{item.LatestVersion}"),
                        cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // Put on hold (or republished) since it was listed: kept.
                    held++;
                }

                progress?.Report(new SweepProgress(examined, expected, deleted.Count, held));
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        Log.Swept(_logger, dryRun ? "dry run" : "done", examined, deleted.Count, held);
        return new SweepResult(today, dryRun, examined, deleted.Count, held, deleted);
    }
}
