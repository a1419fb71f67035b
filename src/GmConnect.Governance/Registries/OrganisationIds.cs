namespace GmConnect.Governance.Registries;

/// <summary>The shape of organisation keys: <c>scheme:value</c>.</summary>
public static class OrganisationIds
{
    /// <summary>The schemes in use.</summary>
    public static IReadOnlyList<string> Schemes { get; } = ["dfe", "ods", "urn", "police", "gmc"];

    /// <summary>True for a key with a known scheme and a non-empty value without spaces.</summary>
    public static bool IsWellFormed(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < id.Length - 1
            && Schemes.Contains(id[..colon], StringComparer.Ordinal)
            && !id.AsSpan(colon + 1).ContainsAny(' ', '\t', ':');
    }
}
