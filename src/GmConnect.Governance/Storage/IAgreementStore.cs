using GmConnect.Governance.Agreements;

namespace GmConnect.Governance.Storage;

/// <summary>Sharing agreements, saved whole (create or replace by id).</summary>
internal interface IAgreementStore
{
    Task SaveAsync(SharingAgreement agreement, CancellationToken cancellationToken = default);

    Task<SharingAgreement?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SharingAgreement>> ListAsync(CancellationToken cancellationToken = default);
}
