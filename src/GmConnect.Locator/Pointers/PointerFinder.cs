using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Locator.RecordTypes;
using GmConnect.Locator.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Locator.Pointers;

/// <summary>
/// The consumer side of the Locator: search a person's pointers by any identifier the Identity Manager knows, and
/// read one pointer. Every candidate is decided by Governance before counting and paging, and every search and
/// read is audited (by <see cref="AccessGate"/>).
/// </summary>
public sealed class PointerFinder
{
    private readonly PointerStore _store;
    private readonly RecordTypeRegistry _types;
    private readonly AccessGate _gate;
    private readonly PersonResolver _resolver;
    private readonly ILogger<PointerFinder> _logger;

    internal PointerFinder(PointerStore store, RecordTypeRegistry types, AccessGate gate, PersonResolver resolver, ILogger<PointerFinder> logger)
    {
        _store = store;
        _types = types;
        _gate = gate;
        _resolver = resolver;
        _logger = logger;
    }

    /// <summary>
    /// Resolves the identifier to a person and every identifier the person has, finds the current pointers published
    /// under any of them, filters, lets Governance decide each, then pages what is permitted.
    /// </summary>
    public async Task<PointerSearchResult> SearchAsync(AccessRequest request, PointerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Count);
        var person = await _resolver.ResolveAsync(query.Subject, cancellationToken).ConfigureAwait(false);
        var found = await _store.BySubjectsAsync(
            person.SubjectKeys,
            new PointerFilter(query.Types, query.Categories, query.Custodians, CurrentOnly: true),
            cancellationToken).ConfigureAwait(false);
        var candidates = found
            .Where(p => Overlaps(p, query.PeriodFrom, query.PeriodTo))
            .Select(p => new Candidate<RecordPointer>(p, Governed(p, person.PersonId)))
            .ToList();
        var filtered = await _gate.FilterAsync(request with { Action = AccessAction.Search }, candidates, QueryKind.ByPerson,
            new PageRequest(query.Offset, query.Count), cancellationToken).ConfigureAwait(false);
        Log.Searched(_logger, candidates.Count, filtered.Total, filtered.WithheldCount);
        return new PointerSearchResult(filtered.Items, filtered.Total, filtered.Withheld, filtered.WithheldGroups);
    }

    /// <summary>
    /// Reads one pointer, decided and audited. Null when there is no such pointer or Governance denies it: a caller
    /// cannot tell the two apart, so guessing ids reveals nothing (the audit trail keeps the real reason).
    /// </summary>
    public async Task<PermittedItem<RecordPointer>?> ReadAsync(AccessRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(id) || await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } pointer)
        {
            return null;
        }

        var person = await _resolver.ResolveAnyAsync(pointer.Subjects, cancellationToken).ConfigureAwait(false);
        var decision = await _gate.DecideAsync(request with { Action = AccessAction.Read }, Governed(pointer, person.PersonId), cancellationToken).ConfigureAwait(false);
        return decision.IsAllowed ? new PermittedItem<RecordPointer>(pointer, decision) : null;
    }

    internal GovernedResource Governed(RecordPointer pointer, string personId) =>
        new(pointer.Id, personId, pointer.CustodianId, _types.Find(pointer.Type)?.SharingCategory ?? pointer.Type, pointer.Sensitivity);

    private static bool Overlaps(RecordPointer pointer, DateOnly? from, DateOnly? to) =>
        (from is null || pointer.PeriodEnd is null || pointer.PeriodEnd >= from)
        && (to is null || pointer.PeriodStart is null || pointer.PeriodStart <= to);
}
