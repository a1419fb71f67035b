namespace GmConnect.Locator.Pointers;

/// <summary>Why a producer operation was refused.</summary>
public enum PointerRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The caller is not a registered practitioner in that organisation and role (403).</summary>
    NotRegistered,

    /// <summary>The custodian named is not the caller's organisation (403).</summary>
    NotCustodian,

    /// <summary>The caller's kind of organisation may not publish this record type (403).</summary>
    TypeNotPublishable,

    /// <summary>The pointer is malformed: see the problems (400/422).</summary>
    Invalid,

    /// <summary>No such pointer among the caller's own (404). Another organisation's pointer is answered the same way, so its existence is not revealed.</summary>
    NotFound,

    /// <summary>The request conflicts with the current state: a master identifier already used, a stale version, a target no longer current (409).</summary>
    Conflict,
}
