using System.Collections.Concurrent;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;

namespace GmConnect.Governance.Storage.Memory;

internal sealed class MemorySubjectStore : ISubjectStore
{
    private readonly ConcurrentDictionary<string, SensitivityLabels> _labels = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<Involvement> _involvements = [];

    public Task SetLabelsAsync(string personId, SensitivityLabels labels, CancellationToken cancellationToken = default)
    {
        _labels[personId] = labels;
        return Task.CompletedTask;
    }

    public Task<SensitivityLabels> GetLabelsAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_labels.GetValueOrDefault(personId));

    public Task SaveInvolvementAsync(Involvement involvement, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _involvements.RemoveAll(i => string.Equals(i.PersonId, involvement.PersonId, StringComparison.Ordinal)
                && string.Equals(i.OrganisationId, involvement.OrganisationId, StringComparison.Ordinal)
                && i.From == involvement.From);
            _involvements.Add(involvement);
        }

        return Task.CompletedTask;
    }

    public Task RemoveInvolvementAsync(Involvement involvement, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _involvements.RemoveAll(i => string.Equals(i.PersonId, involvement.PersonId, StringComparison.Ordinal)
                && string.Equals(i.OrganisationId, involvement.OrganisationId, StringComparison.Ordinal)
                && i.From == involvement.From);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Involvement>> InvolvementsAsync(string personId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Involvement>>(
                _involvements.Where(i => string.Equals(i.PersonId, personId, StringComparison.Ordinal))
                    .OrderBy(i => i.OrganisationId, StringComparer.Ordinal).ThenBy(i => i.From).ToArray());
        }
    }
}
