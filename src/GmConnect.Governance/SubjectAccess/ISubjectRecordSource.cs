namespace GmConnect.Governance.SubjectAccess;

/// <summary>
/// Implemented by each component that holds data about persons (Identity, Locator, Repository…) and registered
/// in DI, so that a subject access report covers everything held across the exchange.
/// </summary>
public interface ISubjectRecordSource
{
    /// <summary>Everything this component holds about the person.</summary>
    Task<IReadOnlyList<HeldRecord>> RecordsAboutAsync(string personId, CancellationToken cancellationToken = default);
}
