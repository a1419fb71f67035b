using GmConnect.Locator.Pointers;

namespace GmConnect.Locator.Involvements;

/// <summary>The result of registering or ending an involvement.</summary>
public sealed record InvolvementOutcome
{
    /// <summary>The involvement as stored, when it succeeded.</summary>
    public InvolvementRecord? Involvement { get; init; }

    /// <summary>Why it was refused (the same refusals as pointers), or none.</summary>
    public PointerRefusal Refusal { get; init; }

    /// <summary>What is wrong, as <c>field: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when it succeeded.</summary>
    public bool Succeeded => Refusal == PointerRefusal.None;

    internal static InvolvementOutcome Ok(InvolvementRecord involvement) => new() { Involvement = involvement };

    internal static InvolvementOutcome Refused(PointerRefusal refusal, params string[] problems) => new() { Refusal = refusal, Problems = problems };
}
