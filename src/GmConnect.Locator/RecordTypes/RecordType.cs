using GmConnect.Governance.Registries;
using GmConnect.Governance.Sensitivity;

namespace GmConnect.Locator.RecordTypes;

/// <summary>A kind of record the Locator holds pointers to (configs/locator/record-types.json).</summary>
/// <param name="Code">The type's code, e.g. <c>child-protection-plan</c>.</param>
/// <param name="Display">Its name for people.</param>
/// <param name="Category">The broad category a pointer of this type is filed under, e.g. <c>social-care</c>.</param>
/// <param name="SharingCategory">The record category Governance's sharing agreements name; decisions are made on it.</param>
/// <param name="Sensitivity">Labels every pointer of this type carries at least.</param>
/// <param name="RetentionClass">How long its content is kept (the Repository computes the date).</param>
/// <param name="Publishers">Organisation kinds that may publish pointers of this type.</param>
public sealed record RecordType(
    string Code,
    string Display,
    string Category,
    string SharingCategory,
    SensitivityLabels Sensitivity,
    string RetentionClass,
    IReadOnlySet<OrganisationKind> Publishers)
{
    /// <summary>True when an organisation of <paramref name="kind"/> may publish pointers of this type.</summary>
    public bool MayBePublishedBy(OrganisationKind kind) => Publishers.Contains(kind);
}
