using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>
/// The URN rules, against Ofsted's provider lists (run only when they are given). An episode's URN is checked when it
/// is given and is not the placeholder XXXXXXX; as the reference validator (a left join), a URN the lists do not have
/// fails 219, 221, 224 and 229 as well as 1008, and a URN with several rows fails when any row does.
/// </summary>
internal static class OfstedRules
{
    private const ReturnTable E = ReturnTable.Episodes;
    private const string Placeholder = "XXXXXXX";

    public static IEnumerable<Rule> All()
    {
        yield return new("1008", ctx => Checked(ctx, (t, r, found) => found.Count == 0), needs: RuleNeeds.Providers);
        yield return new("219", ctx => Checked(ctx, (t, r, found) => AnyOrMissing(found, p => t.Get(r, "PLACE") is not { } place || !p.PlacementCodes.Contains(place.ToUpperInvariant()))), needs: RuleNeeds.Providers);
        yield return new("224", ctx => Checked(ctx, (t, r, found) => AnyOrMissing(found, p => t.Get(r, "PLACE_PROVIDER") is not { } provider || !p.ProviderCodes.Contains(provider.ToUpperInvariant()))), needs: RuleNeeds.Providers);
        // 221: the placement postcode must be the provider's, for children's homes, secure units and (to 2023/24)
        // supported accommodation, respite aside.
        yield return new("221", ctx => PostcodeMatches(ctx, ["H5", "K1", "K2", "R3", "S1"]), toYear: 2023, needs: RuleNeeds.Providers);
        yield return new("221", ctx => PostcodeMatches(ctx, ["K1", "K2", "R3", "S1"]), fromYear: 2024, needs: RuleNeeds.Providers);
        // 227: the episode must start before the provider's registration ended; 228: end by then (or, when open, the
        // registration must last to the collection end).
        yield return new("227", ctx => Checked(ctx, (t, r, found) => found.Any(p => p.RegistrationEnd is { } end && t.Date(r, "DECOM") >= end)), needs: RuleNeeds.Providers);
        yield return new("228", ctx => Checked(ctx, (t, r, found) => found.Any(p => p.RegistrationEnd is { } end && (t.Date(r, "DEC") ?? ctx.End) > end)), needs: RuleNeeds.Providers);
        // 229: own provision (PR1) must be in the authority, another authority's (PR2) outside it; the provider's
        // authority is its postcode's upper-tier authority in the postcode file.
        yield return new("229", ctx => Checked(ctx, (t, r, found) =>
        {
            var provider = t.Get(r, "PLACE_PROVIDER");
            return provider is "PR1" or "PR2" && AnyOrMissing(found, p =>
            {
                var own = string.Equals(ProviderAuthority(ctx.Lookups.Postcodes!, p), ctx.AuthorityCode, StringComparison.OrdinalIgnoreCase);
                return provider == "PR1" ? !own : own;
            }, missingFails: provider == "PR1");
        }), needs: RuleNeeds.Providers | RuleNeeds.PostcodeFile | RuleNeeds.AuthorityCode);
    }

    private static IEnumerable<(ReturnTable, int)> Checked(ValidationContext ctx, Func<Ssda903Table, int, IReadOnlyList<OfstedProvider>, bool> fails)
    {
        var providers = ctx.Lookups.Providers!;
        return Rows(ctx, E, (t, r) => t.Get(r, "URN") is { } urn && !string.Equals(urn, Placeholder, StringComparison.OrdinalIgnoreCase) && fails(t, r, providers.Find(urn)));
    }

    // A URN the lists lack reads, after the reference's left join, as one row with every field blank.
    private static bool AnyOrMissing(IReadOnlyList<OfstedProvider> found, Func<OfstedProvider, bool> fails, bool missingFails = true) =>
        found.Count == 0 ? missingFails : found.Any(fails);

    private static IEnumerable<(ReturnTable, int)> PostcodeMatches(ValidationContext ctx, string[] places) =>
        Checked(ctx, (t, r, found) => !t.Is(r, "LS", "V3", "V4") && t.Get(r, "PLACE") is { } place && places.Contains(place.ToUpperInvariant())
            && PostcodeLookup.Normalise(t.Get(r, "PL_POST")) is { } postcode && AnyOrMissing(found, p => p.Postcode != postcode));

    private static string? ProviderAuthority(PostcodeLookup postcodes, OfstedProvider provider) => postcodes.Find(provider.Postcode)?.UpperTier;
}
