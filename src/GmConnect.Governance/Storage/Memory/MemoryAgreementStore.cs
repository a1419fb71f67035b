using System.Collections.Concurrent;
using GmConnect.Governance.Agreements;

namespace GmConnect.Governance.Storage.Memory;

internal sealed class MemoryAgreementStore : IAgreementStore
{
    private readonly ConcurrentDictionary<string, SharingAgreement> _agreements = new(StringComparer.Ordinal);

    public Task SaveAsync(SharingAgreement agreement, CancellationToken cancellationToken = default)
    {
        _agreements[agreement.Id] = agreement;
        return Task.CompletedTask;
    }

    public Task<SharingAgreement?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_agreements.GetValueOrDefault(id));

    public Task<IReadOnlyList<SharingAgreement>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SharingAgreement>>(_agreements.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToArray());
}
