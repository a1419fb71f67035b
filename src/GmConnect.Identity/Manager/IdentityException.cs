namespace GmConnect.Identity.Manager;

/// <summary>A request the Identity Manager refuses: unknown person or record, a task already decided, a link that would break a "not the same person" decision.</summary>
public sealed class IdentityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IdentityException(IdentityError error, string message)
        : base(message) => Error = error;

    /// <summary>What went wrong, for the API's status code.</summary>
    public IdentityError Error { get; }
}

/// <summary>Categories of refusal.</summary>
public enum IdentityError
{
    /// <summary>No such person, record or task (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state: already decided, already merged, a cannot-link (409).</summary>
    Conflict,

    /// <summary>The request is malformed (400).</summary>
    Invalid,
}
