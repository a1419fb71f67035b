using GmConnect.Governance.Objections;

namespace GmConnect.Governance.Storage.Memory;

internal sealed class MemoryDirectiveStore : IDirectiveStore
{
    private readonly Lock _lock = new();
    private readonly List<ConsentDirective> _directives = [];

    public Task AddAsync(ConsentDirective directive, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_directives.Any(d => string.Equals(d.Id, directive.Id, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"Directive {directive.Id} already exists.");
            }

            _directives.Add(directive);
        }

        return Task.CompletedTask;
    }

    public Task<bool> WithdrawAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var index = _directives.FindIndex(d => string.Equals(d.Id, id, StringComparison.Ordinal) && d.WithdrawnAt is null);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _directives[index] = _directives[index] with { WithdrawnAt = at };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ConsentDirective>> ForPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ConsentDirective>>(
                _directives.Where(d => string.Equals(d.PersonId, personId, StringComparison.Ordinal)).OrderBy(d => d.RecordedAt).ToArray());
        }
    }
}
