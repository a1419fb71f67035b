using System.Globalization;
using GmConnect.Governance.Administration;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Locator.Involvements;

/// <summary>
/// Makes involvements follow the Identity Manager's merges and unmerges, as pointers do. Pointers and the involvement
/// list need nothing: they keep the producer's identifiers and are resolved at read time (ADR 0006). Governance's
/// legitimate-relationship rule, though, is keyed by person, so the key an involvement was written through under
/// must move with its identifier. The follower reads the Identity Manager's change feed
/// (<see cref="IIdentityManager.PersonChangesAsync"/>) from its cursor, re-resolves the involvements of every person a
/// change touched, and moves those whose person changed (<see cref="GovernanceAdministration.MoveInvolvementAsync"/>).
/// </summary>
/// <remarks>
/// At least once: the cursor moves after the moves, and a move repeated after a crash is a no-op (the involvement
/// already resolves to the key it is under). The host runs it in the background (<see cref="InvolvementFollowerService"/>).
/// </remarks>
public sealed class InvolvementFollower : IDisposable
{
    private const int PageSize = 500;

    private readonly InvolvementStore _store;
    private readonly IIdentityManager _identity;
    private readonly PersonResolver _resolver;
    private readonly GovernanceAdministration _governance;
    private readonly ILogger<InvolvementFollower> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    internal InvolvementFollower(InvolvementStore store, IIdentityManager identity, PersonResolver resolver, GovernanceAdministration governance, ILogger<InvolvementFollower> logger)
    {
        _store = store;
        _identity = identity;
        _resolver = resolver;
        _governance = governance;
        _logger = logger;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Follows the change feed to its end. Returns how many involvements moved.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var moved = 0;
            var cursor = await _store.CursorAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var changes = await _identity.PersonChangesAsync(cursor, PageSize, cancellationToken).ConfigureAwait(false);
                if (changes.Count == 0)
                {
                    return moved;
                }

                var touched = changes.SelectMany(c => c.OtherPersonId is { } other ? new[] { c.PersonId, other } : [c.PersonId])
                    .Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
                var last = changes[^1].Sequence;
                foreach (var (involvement, personId) in await _store.ByPersonsAsync(touched, cancellationToken).ConfigureAwait(false))
                {
                    var now = await _resolver.ResolveAsync(involvement.Subject, cancellationToken).ConfigureAwait(false);
                    if (!now.Known || string.Equals(now.PersonId, personId, StringComparison.Ordinal))
                    {
                        // Unknown now (the record left the index): the relationship stays where it was rather than vanish.
                        continue;
                    }

                    var reason = "identity-history:" + last.ToString(CultureInfo.InvariantCulture);
                    await _governance.MoveInvolvementAsync(
                        new Governance.Relationships.Involvement(personId, involvement.OrganisationId, involvement.Start, involvement.End),
                        now.PersonId, reason, cancellationToken).ConfigureAwait(false);
                    await _store.SetPersonAsync(involvement.Id, now.PersonId, cancellationToken).ConfigureAwait(false);
                    Log.InvolvementChanged(_logger, involvement.Id, involvement.OrganisationId, "moved to the person its identifier now belongs to");
                    moved++;
                }

                cursor = last;
                await _store.SetCursorAsync(cursor, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
