using System.Runtime.CompilerServices;
using GmConnect.Governance.Audit;

namespace GmConnect.Governance.Storage.Memory;

/// <summary>The audit chain in memory: for tests and for runs that keep nothing.</summary>
internal sealed class MemoryAuditStore : IAuditStore
{
    private readonly Lock _lock = new();
    private readonly List<AuditEntry> _entries = [];

    /// <summary>Direct access for tamper tests: the list as stored.</summary>
    internal List<AuditEntry> Entries => _entries;

    public Task<AuditEntry> AppendAsync(AuditRecord record, DateTimeOffset recorded, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var previous = _entries.Count == 0 ? AuditChain.GenesisHash : _entries[^1].Hash;
            var entry = AuditChain.Seal(record, _entries.Count + 1, Guid.CreateVersion7(recorded).ToString(), recorded, previous);
            _entries.Add(entry);
            return Task.FromResult(entry);
        }
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        AuditEntry[] snapshot;
        lock (_lock)
        {
            snapshot = [.. _entries];
        }

        foreach (var entry in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<AuditEntry> found = _entries.Where(query.Matches).OrderByDescending(e => e.Sequence).Take(query.Limit).ToArray();
            return Task.FromResult(found);
        }
    }
}
