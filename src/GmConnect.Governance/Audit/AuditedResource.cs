namespace GmConnect.Governance.Audit;

/// <summary>One resource an audited access touched, with its outcome and reason codes.</summary>
/// <param name="ResourceId">The resource's key.</param>
/// <param name="PersonId">The person it is about.</param>
/// <param name="CustodianId">Its custodian organisation.</param>
/// <param name="Category">Its record category.</param>
/// <param name="Outcome">permit, deny or redact.</param>
/// <param name="Reasons">Reason wire codes with details, e.g. <c>agreement-in-force(isa-1)</c>.</param>
public sealed record AuditedResource(string ResourceId, string PersonId, string CustodianId, string Category, string Outcome, IReadOnlyList<string> Reasons);
