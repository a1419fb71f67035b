namespace GmConnect.Integration.Fhir;

/// <summary>Who imports, and which entry of which batch is in hand.</summary>
/// <param name="Organisation">The importing organisation (Governance key, e.g. <c>dfe:352</c>), or null when none was named.</param>
/// <param name="BatchId">The import batch.</param>
/// <param name="Key">The resource's import key (master identifier or id), what makes importing it twice a no-op.</param>
public sealed record FhirImportContext(string? Organisation, long BatchId, string Key)
{
    /// <summary>The practitioner who imports (an upload's token), or null to let the host act as one of the organisation's.</summary>
    public string? Practitioner { get; init; }

    /// <summary>The role <see cref="Practitioner"/> acts in (with it, or null).</summary>
    public string? Role { get; init; }
}
