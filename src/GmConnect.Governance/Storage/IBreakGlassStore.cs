using GmConnect.Governance.BreakGlass;

namespace GmConnect.Governance.Storage;

/// <summary>Break-glass sessions. Kept for ever: IG review needs them after they expire.</summary>
internal interface IBreakGlassStore
{
    Task AddAsync(BreakGlassSession session, CancellationToken cancellationToken = default);

    Task<BreakGlassSession?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BreakGlassSession>> ForPersonAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>Sessions opened in [from, to), oldest first: the IG officer's review list.</summary>
    Task<IReadOnlyList<BreakGlassSession>> OpenedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
