using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Storage;

/// <summary>Reads a person's whole <see cref="SubjectPolicy"/> at once, where the store can do that faster than store by store.</summary>
internal interface ISubjectPolicyReader
{
    Task<SubjectPolicy> LoadAsync(string personId, CancellationToken cancellationToken);
}
