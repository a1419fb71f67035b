using GmConnect.Workbench.Geography;

namespace GmConnect.Workbench.Validation;

/// <summary>
/// Public data the user supplies for the rules a return cannot answer alone: the national postcode file (PL_LA,
/// PL_LOCATION and PL_DISTANCE are derived from it: 164, 169, 179, 392a, 392c, 406, 411, 420, 452, 453, 503G, 503H,
/// 503J, 1015) and Ofsted's provider lists (the URN rules 219, 221, 224, 227, 228, 1008, and 229, which also needs the
/// postcode file to find the provider's authority). Without them those rules are not run, and
/// <see cref="Ssda903Validator.NotRun"/> says which and why.
/// </summary>
/// <param name="Postcodes">The postcode file, or null.</param>
/// <param name="Providers">Ofsted's provider lists, or null.</param>
/// <param name="AuthorityCode">
/// The ONS code of the authority whose return it is (upper tier, e.g. E08000003), for PL_LOCATION and the rules that
/// compare with it (411, 1015, 229). Null: taken from the return's authority when that is a GM authority's name or code.
/// </param>
public sealed record ValidationLookups(PostcodeLookup? Postcodes = null, OfstedProviders? Providers = null, string? AuthorityCode = null)
{
    /// <summary>No lookups: the rules that need them are not run.</summary>
    public static ValidationLookups None { get; } = new();
}
