namespace GmConnect.Governance.Audit;

/// <summary>Wire codes for <see cref="AuditEventType"/>.</summary>
public static class AuditCodes
{
    /// <summary>The code of an event type, e.g. <c>break-glass-opened</c>.</summary>
    public static string ToCode(this AuditEventType type) => type switch
    {
        AuditEventType.Read => "read",
        AuditEventType.Search => "search",
        AuditEventType.BreakGlassOpened => "break-glass-opened",
        AuditEventType.DirectiveRecorded => "directive-recorded",
        AuditEventType.DirectiveWithdrawn => "directive-withdrawn",
        AuditEventType.AgreementSaved => "agreement-saved",
        AuditEventType.RegistryChanged => "registry-changed",
        AuditEventType.SubjectAccessReport => "subject-access-report",
        AuditEventType.AuditSearched => "audit-searched",
        AuditEventType.Created => "created",
        AuditEventType.Deleted => "deleted",
        AuditEventType.LegalHoldChanged => "legal-hold-changed",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown audit event type."),
    };

    /// <summary>Parses an event type code.</summary>
    public static AuditEventType ParseEventType(string code)
    {
        foreach (var type in Enum.GetValues<AuditEventType>())
        {
            if (string.Equals(type.ToCode(), code, StringComparison.Ordinal))
            {
                return type;
            }
        }

        throw new FormatException($"Unknown audit event type '{code}'.");
    }
}
