namespace GmConnect.Workbench.Validation;

/// <summary>What a rule needs beyond the return itself; a rule whose needs are not met is not run (and is reported so).</summary>
[Flags]
internal enum RuleNeeds
{
    None = 0,

    /// <summary>PL_LA, PL_LOCATION and PL_DISTANCE: derived from the postcode file, or carried by the episodes table.</summary>
    PlacementFields = 1,

    /// <summary>The postcode file itself (392c: is each postcode in it?; 229: the provider's authority).</summary>
    PostcodeFile = 2,

    /// <summary>Ofsted's provider lists.</summary>
    Providers = 4,

    /// <summary>The authority's ONS code (411, 1015, 229 compare with it).</summary>
    AuthorityCode = 8,
}
