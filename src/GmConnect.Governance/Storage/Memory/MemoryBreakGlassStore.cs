using GmConnect.Governance.BreakGlass;

namespace GmConnect.Governance.Storage.Memory;

internal sealed class MemoryBreakGlassStore : IBreakGlassStore
{
    private readonly Lock _lock = new();
    private readonly List<BreakGlassSession> _sessions = [];

    public Task AddAsync(BreakGlassSession session, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_sessions.Any(s => string.Equals(s.Id, session.Id, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"Break-glass session {session.Id} already exists.");
            }

            _sessions.Add(session);
        }

        return Task.CompletedTask;
    }

    public Task<BreakGlassSession?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_sessions.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal)));
        }
    }

    public Task<IReadOnlyList<BreakGlassSession>> ForPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<BreakGlassSession>>(
                _sessions.Where(s => string.Equals(s.PersonId, personId, StringComparison.Ordinal)).OrderBy(s => s.OpenedAt).ToArray());
        }
    }

    public Task<IReadOnlyList<BreakGlassSession>> OpenedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<BreakGlassSession>>(
                _sessions.Where(s => s.OpenedAt >= from && s.OpenedAt < to).OrderBy(s => s.OpenedAt).ToArray());
        }
    }
}
