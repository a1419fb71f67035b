using GmConnect.Governance.Administration;
using GmConnect.Locator.Pointers;

namespace GmConnect.Locator.Demo;

/// <summary>
/// Publishes a demo record's content somewhere a practitioner can open it (the host's Repository), for
/// <see cref="LocatorDemoSeeder"/>: the Locator may not reference the Repository, so the host plugs it in. Optional:
/// without one, demo pointers point at a custodian's system that does not exist.
/// </summary>
public interface IDemoContentPublisher
{
    /// <summary>
    /// Publishes synthetic content of <paramref name="recordType"/> about the person behind
    /// <paramref name="subjects"/>, as <paramref name="custodian"/>; returns the attachment for the pointer, or null
    /// when it cannot (e.g. the person is not known yet).
    /// </summary>
    Task<PointerAttachment?> PublishAsync(Actor custodian, string recordType, IReadOnlyList<SubjectIdentifier> subjects, CancellationToken cancellationToken);
}
