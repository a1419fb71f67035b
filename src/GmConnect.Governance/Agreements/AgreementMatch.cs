using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Agreements;

/// <summary>The agreement found for an access, or the reason none was.</summary>
internal readonly record struct AgreementMatch(SharingAgreement? Agreement, ReasonCode Reason);
