namespace GmConnect.Workbench.Validation;

/// <summary>Why a rule was not run (the texts <see cref="Ssda903Validator.NotRun"/> gives).</summary>
public static class NotRunReasons
{
    /// <summary>PL_LA, PL_LOCATION and PL_DISTANCE come from the national postcode file, which was not given.</summary>
    public const string NoPostcodes = "needs the national postcode file (PL_LA, PL_LOCATION and PL_DISTANCE are derived from it)";

    /// <summary>The URN rules check Ofsted's provider lists, which were not given.</summary>
    public const string NoProviders = "needs Ofsted's provider lists";

    /// <summary>The rule compares with the return's own authority, whose ONS code is not known.</summary>
    public const string NoAuthority = "needs the authority's ONS code (not a GM authority's name or code)";
}
