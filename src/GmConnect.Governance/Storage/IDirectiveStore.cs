using GmConnect.Governance.Objections;

namespace GmConnect.Governance.Storage;

/// <summary>Objections, consents and opt-outs. Directives are never deleted, only withdrawn.</summary>
internal interface IDirectiveStore
{
    Task AddAsync(ConsentDirective directive, CancellationToken cancellationToken = default);

    /// <summary>Marks a directive withdrawn; false when it does not exist or was already withdrawn.</summary>
    Task<bool> WithdrawAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConsentDirective>> ForPersonAsync(string personId, CancellationToken cancellationToken = default);
}
