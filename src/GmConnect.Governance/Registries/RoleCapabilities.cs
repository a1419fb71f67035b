namespace GmConnect.Governance.Registries;

/// <summary>What a role may do beyond reading under agreements.</summary>
[Flags]
public enum RoleCapabilities
{
    /// <summary>Nothing extra.</summary>
    None = 0,

    /// <summary>Works in an adoption service: may see the custodian's own sealed records.</summary>
    AdoptionService = 1,

    /// <summary>May open a break-glass session.</summary>
    BreakGlass = 2,

    /// <summary>Information-governance officer: audit search, verification, subject access reports.</summary>
    InformationGovernance = 4,

    /// <summary>May change registries, agreements and objections.</summary>
    Administration = 8,
}
