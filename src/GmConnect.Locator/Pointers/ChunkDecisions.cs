namespace GmConnect.Locator.Pointers;

/// <summary>
/// What <see cref="PointerRules"/> decided for one actor within one chunk: registration (once) and, per record type,
/// whether the actor's organisation may publish it. Lives for one chunk only, so a registry change applies from the
/// next chunk on.
/// </summary>
internal sealed class ChunkDecisions
{
    public bool RegistrationDecided { get; set; }

    /// <summary>Null for registered; else the refusal every draft of the chunk gets.</summary>
    public PointerOutcome? Registration { get; set; }

    /// <summary>Record type code → may the actor's organisation publish it.</summary>
    public Dictionary<string, bool> Publishable { get; } = new(StringComparer.Ordinal);
}
