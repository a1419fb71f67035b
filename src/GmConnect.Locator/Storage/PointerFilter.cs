namespace GmConnect.Locator.Storage;

/// <summary>What a subject query narrows on in the store (empty = any).</summary>
internal sealed record PointerFilter(
    IReadOnlyCollection<string> Types,
    IReadOnlyCollection<string> Categories,
    IReadOnlyCollection<string> Custodians,
    bool CurrentOnly)
{
    public static PointerFilter Any { get; } = new([], [], [], false);
}
