namespace GmConnect.Locator.Pointers;

/// <summary>The result of a producer operation: the pointer, or a refusal with field-level problems.</summary>
public sealed record PointerOutcome
{
    /// <summary>The pointer as stored after the operation (null when refused, or after a delete).</summary>
    public RecordPointer? RecordPointer { get; init; }

    /// <summary>Why it was refused, or <see cref="PointerRefusal.None"/>.</summary>
    public PointerRefusal Refusal { get; init; }

    /// <summary>What is wrong, each as <c>field: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when a new pointer was created (201 rather than 200).</summary>
    public bool Created { get; init; }

    /// <summary>True when the operation succeeded.</summary>
    public bool Succeeded => Refusal == PointerRefusal.None;

    internal static PointerOutcome Ok(RecordPointer? pointer, bool created = false) => new() { RecordPointer = pointer, Created = created };

    internal static PointerOutcome Refused(PointerRefusal refusal, params string[] problems) => new() { Refusal = refusal, Problems = problems };

    internal static PointerOutcome Invalid(IReadOnlyList<string> problems) => new() { Refusal = PointerRefusal.Invalid, Problems = problems };
}
