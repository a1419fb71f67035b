namespace GmConnect.Governance.Administration;

/// <summary>How a change went.</summary>
public enum ChangeStatus
{
    /// <summary>Saved and audited.</summary>
    Ok,

    /// <summary>Rejected: the content is invalid (see the problems).</summary>
    Invalid,

    /// <summary>Rejected: the actor may not make this change.</summary>
    Forbidden,

    /// <summary>Rejected: the thing to change does not exist.</summary>
    NotFound,
}
