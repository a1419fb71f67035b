using GmConnect.Governance.Storage;

namespace GmConnect.Governance.Tests.Storage;

/// <summary>One of each Governance store, all over the same backing database.</summary>
internal sealed record StoreSet(
    IAuditStore Audit,
    IAgreementStore Agreements,
    IDirectiveStore Directives,
    IBreakGlassStore BreakGlass,
    ISubjectStore Subjects,
    IRegistryStore Registry);
