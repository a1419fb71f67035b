namespace GmConnect.Governance.SubjectAccess;

/// <summary>One thing the exchange holds about a person, as a component reports it for a subject access report.</summary>
/// <param name="Source">The component that holds it (e.g. Locator, Repository, Identity).</param>
/// <param name="ResourceId">Its key.</param>
/// <param name="CustodianId">The organisation that answers for it.</param>
/// <param name="Category">Its record category.</param>
/// <param name="Description">A short description fit to hand to the person.</param>
/// <param name="Date">Its date, when it has one.</param>
public sealed record HeldRecord(string Source, string ResourceId, string CustodianId, string Category, string Description, DateOnly? Date = null);
