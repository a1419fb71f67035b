using GmConnect.Server.Security;

namespace GmConnect.Server.Workbench;

/// <summary>
/// Who is looking at the Workbench, as it matters for what they see: an analyst of one of the ten GM authorities
/// sees that authority's figures whole and its children's timelines (pseudonymised); everyone else sees aggregates
/// with small numbers withheld.
/// </summary>
internal sealed record WorkbenchViewer(string? Authority)
{
    /// <summary>The ten authorities by DfE local-authority code (the organisation registry's <c>dfe:NNN</c>).</summary>
    private static readonly Dictionary<string, string> ByOrganisation = new(StringComparer.Ordinal)
    {
        ["dfe:350"] = "Bolton", ["dfe:351"] = "Bury", ["dfe:352"] = "Manchester", ["dfe:353"] = "Oldham", ["dfe:354"] = "Rochdale",
        ["dfe:355"] = "Salford", ["dfe:356"] = "Stockport", ["dfe:357"] = "Tameside", ["dfe:358"] = "Trafford", ["dfe:359"] = "Wigan",
    };

    /// <summary>The role whose holders see their own authority's figures whole.</summary>
    public const string AnalystRole = "analyst";

    /// <summary>Whether the viewer may see one authority's children (pseudonymised) and upload its returns.</summary>
    public bool IsAuthorityAnalyst => Authority is not null;

    public static WorkbenchViewer Of(SignedInUser? user) =>
        new(user is { Role: AnalystRole } && ByOrganisation.TryGetValue(user.OrganisationId, out var authority) ? authority : null);
}
