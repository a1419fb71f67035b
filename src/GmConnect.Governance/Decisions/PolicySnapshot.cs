using System.Collections.Frozen;
using GmConnect.Governance.Agreements;
using GmConnect.Governance.Registries;

namespace GmConnect.Governance.Decisions;

/// <summary>
/// An immutable view of the registries and agreements. Decisions read one snapshot without locks; a change to a
/// registry or an agreement builds a new snapshot and swaps it in.
/// </summary>
internal sealed class PolicySnapshot
{
    public PolicySnapshot(
        IEnumerable<Organisation> organisations,
        IEnumerable<RoleDefinition> roles,
        IEnumerable<Practitioner> practitioners,
        IEnumerable<SharingAgreement> agreements)
    {
        Organisations = organisations.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal);
        Roles = roles.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        Practitioners = practitioners.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        Agreements = agreements.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        AgreementIndex = new AgreementIndex(Agreements.Values);
    }

    public static PolicySnapshot Empty { get; } = new([], [], [], []);

    public FrozenDictionary<string, Organisation> Organisations { get; }

    public FrozenDictionary<string, RoleDefinition> Roles { get; }

    public FrozenDictionary<string, Practitioner> Practitioners { get; }

    public FrozenDictionary<string, SharingAgreement> Agreements { get; }

    public AgreementIndex AgreementIndex { get; }

    public PolicySnapshot With(
        IEnumerable<Organisation>? organisations = null,
        IEnumerable<RoleDefinition>? roles = null,
        IEnumerable<Practitioner>? practitioners = null,
        IEnumerable<SharingAgreement>? agreements = null) =>
        new(
            organisations ?? Organisations.Values,
            roles ?? Roles.Values,
            practitioners ?? Practitioners.Values,
            agreements ?? Agreements.Values);
}
