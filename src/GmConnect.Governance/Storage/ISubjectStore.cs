using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;

namespace GmConnect.Governance.Storage;

/// <summary>Labels on persons and organisations' involvements with them.</summary>
internal interface ISubjectStore
{
    Task SetLabelsAsync(string personId, SensitivityLabels labels, CancellationToken cancellationToken = default);

    Task<SensitivityLabels> GetLabelsAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>Adds an involvement, or replaces the one with the same person, organisation and start.</summary>
    Task SaveInvolvementAsync(Involvement involvement, CancellationToken cancellationToken = default);

    /// <summary>Removes the involvement with this person, organisation and start (no-op when absent).</summary>
    Task RemoveInvolvementAsync(Involvement involvement, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Involvement>> InvolvementsAsync(string personId, CancellationToken cancellationToken = default);
}
