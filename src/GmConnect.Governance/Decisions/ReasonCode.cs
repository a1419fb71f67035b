namespace GmConnect.Governance.Decisions;

/// <summary>
/// Machine-readable reasons for a decision. The wire code, category and break-glass behaviour of each are
/// defined in one table, <see cref="ReasonCodes"/>.
/// </summary>
public enum ReasonCode
{
    /// <summary>The practitioner is not in the registry or is inactive.</summary>
    PractitionerUnknown,

    /// <summary>The practitioner does not hold the claimed role in the claimed organisation.</summary>
    RoleNotHeld,

    /// <summary>The role may not act for the claimed purpose (e.g. an analyst claiming direct care).</summary>
    PurposeNotPermittedForRole,

    /// <summary>The record is sealed and the requester is not the custodian's adoption service.</summary>
    Sealed,

    /// <summary>The record is restricted and no agreement in force includes restricted records.</summary>
    Restricted,

    /// <summary>No sharing agreement names both organisations.</summary>
    NoAgreement,

    /// <summary>The only agreements between the organisations are drafts.</summary>
    AgreementNotSigned,

    /// <summary>The agreement between the organisations is suspended.</summary>
    AgreementSuspended,

    /// <summary>The agreement between the organisations has expired.</summary>
    AgreementExpired,

    /// <summary>The agreement between the organisations has not started yet.</summary>
    AgreementNotStarted,

    /// <summary>An agreement is in force but does not permit this purpose.</summary>
    PurposeNotInAgreement,

    /// <summary>An agreement is in force but does not cover this record category.</summary>
    CategoryNotInAgreement,

    /// <summary>The agreement's lawful basis is consent and the person has not consented.</summary>
    ConsentRequired,

    /// <summary>Direct care needs a current involvement of the requester's organisation with the person.</summary>
    NoCurrentInvolvement,

    /// <summary>The person objected to this sharing.</summary>
    Objection,

    /// <summary>The person registered a national data opt-out, which applies to secondary use.</summary>
    NationalDataOptOut,

    /// <summary>The requester's organisation is the custodian: no sharing takes place.</summary>
    OwnOrganisation,

    /// <summary>A sharing agreement in force permits the access; its id is the detail.</summary>
    AgreementInForce,

    /// <summary>The person objected, but a statutory gateway overrides the objection; the gateway is the detail.</summary>
    ObjectionOverriddenByStatute,

    /// <summary>An active break-glass session overrides otherwise overridable denials; the session id is the detail.</summary>
    BreakGlass,

    /// <summary>The person has a protected address: address and contact fields are removed.</summary>
    ProtectedAddressRedacted,

    /// <summary>An address-based search never returns a person with a protected address.</summary>
    ProtectedAddressSearch,
}
