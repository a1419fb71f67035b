namespace GmConnect.Governance.Administration;

/// <summary>The result of a change: a status and, when rejected, the problems (field-level where possible).</summary>
public sealed record ChangeResult(ChangeStatus Status, IReadOnlyList<string> Problems)
{
    internal static ChangeResult Ok { get; } = new(ChangeStatus.Ok, []);

    internal static ChangeResult Forbidden(string why) => new(ChangeStatus.Forbidden, [why]);

    internal static ChangeResult Invalid(IReadOnlyList<string> problems) => new(ChangeStatus.Invalid, problems);

    internal static ChangeResult NotFound(string what) => new(ChangeStatus.NotFound, [what]);

    /// <summary>True when the change was saved.</summary>
    public bool Succeeded => Status == ChangeStatus.Ok;
}
