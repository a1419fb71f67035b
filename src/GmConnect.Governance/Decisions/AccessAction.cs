namespace GmConnect.Governance.Decisions;

/// <summary>What the practitioner does with the resource (BALP <c>AuditEvent.action</c>: R for read, E for search).</summary>
public enum AccessAction
{
    /// <summary>Read one resource by its key.</summary>
    Read,

    /// <summary>List or search: the resource is one candidate among many.</summary>
    Search,
}
