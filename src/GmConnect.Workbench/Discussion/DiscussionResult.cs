namespace GmConnect.Workbench.Discussion;

/// <summary>The result of a discussion request: a value when <see cref="Outcome"/> is <see cref="DiscussionOutcome.Ok"/>, otherwise why not.</summary>
public sealed record DiscussionResult<T>(DiscussionOutcome Outcome, T? Value, string? Error = null)
    where T : class
{
    /// <summary>Whether it worked.</summary>
    public bool IsOk => Outcome == DiscussionOutcome.Ok;

    internal static DiscussionResult<T> Ok(T value) => new(DiscussionOutcome.Ok, value);

    internal static DiscussionResult<T> NotFound() => new(DiscussionOutcome.NotFound, null);

    internal static DiscussionResult<T> Forbidden(string error) => new(DiscussionOutcome.Forbidden, null, error);

    internal static DiscussionResult<T> Invalid(string error) => new(DiscussionOutcome.Invalid, null, error);
}
