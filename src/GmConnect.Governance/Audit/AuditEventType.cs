namespace GmConnect.Governance.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditEventType
{
    /// <summary>A decision on reading one resource (and the read, when permitted).</summary>
    Read,

    /// <summary>A search or list: one entry for the query with every candidate's outcome.</summary>
    Search,

    /// <summary>A break-glass session was opened.</summary>
    BreakGlassOpened,

    /// <summary>An objection, consent or opt-out was recorded.</summary>
    DirectiveRecorded,

    /// <summary>An objection, consent or opt-out was withdrawn.</summary>
    DirectiveWithdrawn,

    /// <summary>A sharing agreement was created or changed.</summary>
    AgreementSaved,

    /// <summary>An organisation, role or practitioner was created or changed.</summary>
    RegistryChanged,

    /// <summary>A subject access report was produced.</summary>
    SubjectAccessReport,

    /// <summary>The audit trail itself was searched.</summary>
    AuditSearched,

    /// <summary>A record's content (or a new version of it) was published.</summary>
    Created,

    /// <summary>A record's content was deleted (e.g. by the retention sweep).</summary>
    Deleted,

    /// <summary>A legal hold was set on, or cleared from, a record's content.</summary>
    LegalHoldChanged,
}
