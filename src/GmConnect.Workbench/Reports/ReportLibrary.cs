using GmConnect.Storage;
using GmConnect.Workbench.Storage;

namespace GmConnect.Workbench.Reports;

/// <summary>
/// Analysts' reports: made of chart and text blocks, edited as a draft, saved as immutable versions (every save a
/// new one; an old one restored as a new one), and shared with named practitioners or groups. The owner and those a
/// share reaches read a report; only the owner changes or shares it; to anybody else it does not exist.
/// </summary>
/// <remarks>
/// Every call names who asks (<see cref="ReportReader"/>), and the library decides, so no page can forget to.
/// </remarks>
public sealed class ReportLibrary
{
    /// <summary>Longest report title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Most blocks a report holds.</summary>
    public const int MaxBlocks = 100;

    /// <summary>Longest note on a saved version.</summary>
    public const int MaxNoteLength = 500;

    private readonly SqlReportStore _store;
    private readonly TimeProvider _time;

    /// <summary>The library on a store whose schema includes <see cref="WorkbenchMigrations"/>.</summary>
    public ReportLibrary(Store store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = new SqlReportStore(store);
        _time = time;
    }

    /// <summary>A new report with an empty version 1 (so there is always a version to read), owned by whoever asks.</summary>
    public async Task<ReportResult<Report>> CreateAsync(ReportReader owner, string title, string dataVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataVersion);
        if (!IsTitle(title))
        {
            return new ReportResult<Report>(ReportOutcome.Invalid, null);
        }

        var now = _time.GetUtcNow();
        var report = new Report("r" + ReportBlock.RandomBase32(12), owner.PractitionerId, now, 1, []);
        var first = new ReportVersion(report.Id, 1, title.Trim(), [], dataVersion, owner.PractitionerId, now, "Created", null);
        await _store.CreateAsync(report, first, new ReportDraft(report.Id, first.Title, [], now), cancellationToken).ConfigureAwait(false);
        return new ReportResult<Report>(ReportOutcome.Done, report);
    }

    /// <summary>The reports the reader owns, and those shared with them by others.</summary>
    public Task<(IReadOnlyList<ReportSummary> Mine, IReadOnlyList<ReportSummary> Shared)> ListAsync(ReportReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return _store.ListAsync(reader, cancellationToken);
    }

    /// <summary>The report, or null when there is none or the reader may not see it.</summary>
    public async Task<Report?> GetAsync(string id, ReportReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var report = IsReportId(id) ? await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return report is not null && report.IsReadableBy(reader) ? report : null;
    }

    /// <summary>
    /// Which of <paramref name="candidates"/> may read the report (each by practitioner id, reading in any of the roles
    /// given for them), asked by someone who may read it; null when there is no such report or the asker may not read it.
    /// The report is read once, however many candidates.
    /// </summary>
    public async Task<IReadOnlySet<string>?> ReadersAmongAsync(string id, ReportReader asker, IEnumerable<ReportReader> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (await GetAsync(id, asker, cancellationToken).ConfigureAwait(false) is not { } report)
        {
            return null;
        }

        return candidates.Where(report.IsReadableBy).Select(c => c.PractitionerId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A version (the latest when <paramref name="number"/> is null), or null when absent or not readable.</summary>
    public async Task<ReportVersion?> VersionAsync(string id, int? number, ReportReader reader, CancellationToken cancellationToken = default)
    {
        var report = await GetAsync(id, reader, cancellationToken).ConfigureAwait(false);
        return report is null ? null : await _store.GetVersionAsync(id, number ?? report.LatestVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every version, newest first, or null when the report is absent or not readable.</summary>
    public async Task<IReadOnlyList<ReportVersion>?> VersionsAsync(string id, ReportReader reader, CancellationToken cancellationToken = default)
    {
        var report = await GetAsync(id, reader, cancellationToken).ConfigureAwait(false);
        return report is null ? null : await _store.ListVersionsAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The owner's draft.</summary>
    public async Task<ReportResult<ReportDraft>> DraftAsync(string id, ReportReader owner, CancellationToken cancellationToken = default)
    {
        var outcome = await OwnedAsync(id, owner, cancellationToken).ConfigureAwait(false);
        return outcome.Outcome != ReportOutcome.Done
            ? new ReportResult<ReportDraft>(outcome.Outcome, null)
            : new ReportResult<ReportDraft>(ReportOutcome.Done, (await _store.GetDraftAsync(id, cancellationToken).ConfigureAwait(false))!);
    }

    /// <summary>Replaces the draft's title and blocks (the editor's form: edits, moves, removals).</summary>
    public async Task<ReportOutcome> UpdateDraftAsync(string id, ReportReader owner, string title, IReadOnlyList<ReportBlock> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var owned = await OwnedAsync(id, owner, cancellationToken).ConfigureAwait(false);
        if (owned.Outcome != ReportOutcome.Done)
        {
            return owned.Outcome;
        }

        if (!IsTitle(title) || !AreBlocks(blocks))
        {
            return ReportOutcome.Invalid;
        }

        await _store.PutDraftAsync(new ReportDraft(id, title.Trim(), [.. blocks], _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return ReportOutcome.Done;
    }

    /// <summary>Appends a block to the draft (a chart from the explorer, or text).</summary>
    public async Task<ReportOutcome> AddBlockAsync(string id, ReportReader owner, ReportBlock block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        var draft = await DraftAsync(id, owner, cancellationToken).ConfigureAwait(false);
        return draft.Value is null
            ? draft.Outcome
            : await UpdateDraftAsync(id, owner, draft.Value.Title, [.. draft.Value.Blocks, block], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves the draft as a new version, built on <paramref name="dataVersion"/> (the data its charts were drawn from).
    /// <see cref="ReportOutcome.Unchanged"/> when the draft equals the latest version.
    /// </summary>
    public async Task<ReportResult<ReportVersion>> SaveAsync(string id, ReportReader owner, string dataVersion, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataVersion);
        var owned = await OwnedAsync(id, owner, cancellationToken).ConfigureAwait(false);
        if (owned.Value is not { } report)
        {
            return new ReportResult<ReportVersion>(owned.Outcome, null);
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return new ReportResult<ReportVersion>(ReportOutcome.Invalid, null);
        }

        var draft = (await _store.GetDraftAsync(id, cancellationToken).ConfigureAwait(false))!;
        var latest = (await _store.GetVersionAsync(id, report.LatestVersion, cancellationToken).ConfigureAwait(false))!;
        if (!draft.DiffersFrom(latest))
        {
            return new ReportResult<ReportVersion>(ReportOutcome.Unchanged, null);
        }

        var now = _time.GetUtcNow();
        var version = new ReportVersion(id, report.LatestVersion + 1, draft.Title, draft.Blocks, dataVersion, owner.PractitionerId, now, note, null);
        return await _store.AppendVersionAsync(version, report.LatestVersion, draft, cancellationToken).ConfigureAwait(false)
            ? new ReportResult<ReportVersion>(ReportOutcome.Done, version)
            : new ReportResult<ReportVersion>(ReportOutcome.Conflict, null);
    }

    /// <summary>
    /// Restores an older version as a new one (the history is never rewritten): its title and blocks, with the data
    /// version it was built on, and the draft set to it (unsaved changes in the draft are replaced).
    /// </summary>
    public async Task<ReportResult<ReportVersion>> RestoreAsync(string id, ReportReader owner, int number, CancellationToken cancellationToken = default)
    {
        var owned = await OwnedAsync(id, owner, cancellationToken).ConfigureAwait(false);
        if (owned.Value is not { } report)
        {
            return new ReportResult<ReportVersion>(owned.Outcome, null);
        }

        if (await _store.GetVersionAsync(id, number, cancellationToken).ConfigureAwait(false) is not { } old)
        {
            return new ReportResult<ReportVersion>(ReportOutcome.NotFound, null);
        }

        if (number == report.LatestVersion)
        {
            return new ReportResult<ReportVersion>(ReportOutcome.Unchanged, null);
        }

        var now = _time.GetUtcNow();
        var version = old with { Number = report.LatestVersion + 1, SavedBy = owner.PractitionerId, SavedAt = now, Note = $"Restored version {number}", RestoredFrom = number };
        var draft = new ReportDraft(id, old.Title, old.Blocks, now);
        return await _store.AppendVersionAsync(version, report.LatestVersion, draft, cancellationToken).ConfigureAwait(false)
            ? new ReportResult<ReportVersion>(ReportOutcome.Done, version)
            : new ReportResult<ReportVersion>(ReportOutcome.Conflict, null);
    }

    /// <summary>Shares the report; <see cref="ReportOutcome.Unchanged"/> when it already has that share.</summary>
    public async Task<ReportOutcome> ShareAsync(string id, ReportReader owner, ReportShare share, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(share);
        var owned = await OwnedAsync(id, owner, cancellationToken).ConfigureAwait(false);
        if (owned.Outcome != ReportOutcome.Done)
        {
            return owned.Outcome;
        }

        if (!share.IsValid() || (share.Kind == ReportShareKind.Person && share.PractitionerId == owner.PractitionerId))
        {
            return ReportOutcome.Invalid;
        }

        var granted = share with { GrantedBy = owner.PractitionerId, GrantedAt = _time.GetUtcNow() };
        return await _store.AddShareAsync(id, granted, cancellationToken).ConfigureAwait(false) ? ReportOutcome.Done : ReportOutcome.Unchanged;
    }

    /// <summary>Withdraws a share by its <see cref="ReportShare.Key"/>.</summary>
    public async Task<ReportOutcome> UnshareAsync(string id, ReportReader owner, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var owned = await OwnedAsync(id, owner, cancellationToken).ConfigureAwait(false);
        if (owned.Outcome != ReportOutcome.Done)
        {
            return owned.Outcome;
        }

        return await _store.RemoveShareAsync(id, key, cancellationToken).ConfigureAwait(false) ? ReportOutcome.Done : ReportOutcome.Unchanged;
    }

    /// <summary>Whether a string has the shape of a report id (<c>r</c> and 12 base-32 characters).</summary>
    public static bool IsReportId(string? id) => id is { Length: 13 } && id[0] == 'r' && id.Skip(1).All(c => c is (>= 'a' and <= 'z') or (>= '2' and <= '7'));

    private async Task<ReportResult<Report>> OwnedAsync(string id, ReportReader owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var report = await GetAsync(id, owner, cancellationToken).ConfigureAwait(false);
        return report is null ? new ReportResult<Report>(ReportOutcome.NotFound, null)
            : !report.IsOwnedBy(owner) ? new ReportResult<Report>(ReportOutcome.Forbidden, null)
            : new ReportResult<Report>(ReportOutcome.Done, report);
    }

    private static bool IsTitle(string? title) => !string.IsNullOrWhiteSpace(title) && title.Trim().Length <= MaxTitleLength;

    private static bool AreBlocks(IReadOnlyList<ReportBlock> blocks) =>
        blocks.Count <= MaxBlocks && blocks.All(b => b.IsValid()) && blocks.Select(b => b.Id).Distinct(StringComparer.Ordinal).Count() == blocks.Count;
}
