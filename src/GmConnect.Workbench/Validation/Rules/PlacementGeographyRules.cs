using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>
/// Rules on the placement fields derived from postcodes (PL_LA, PL_LOCATION, PL_DISTANCE; see
/// <see cref="PlacementGeography"/>): run only when the national postcode file is given (or the episodes carry the
/// fields), as the reference validator's logic reads them.
/// </summary>
internal static class PlacementGeographyRules
{
    private const ReturnTable E = ReturnTable.Episodes;
    private const RuleNeeds Fields = RuleNeeds.PlacementFields;

    private static readonly string[] FosteringOrAdoption = ["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"];

    public static IEnumerable<Rule> All()
    {
        // 164, 392a, 406 leave out children who are or were UASC (this year's or last year's return says so).
        yield return new("164", ctx => Rows(ctx, E, (t, r) => !ctx.EverUasc(t.Child(r)) && ctx.Geography.Miles(r) is { } d && (d < 0 || d > 999.9)), needs: Fields);
        yield return new("392a", ctx => Rows(ctx, E, (t, r) => !ctx.EverUasc(t.Child(r)) && !Respite(t, r) && ctx.Geography.Distance[r] is null), needs: Fields);
        yield return new("406", ctx => Rows(ctx, E, (t, r) => ctx.EverUasc(t.Child(r)) && ctx.Geography.Distance[r] is not null), needs: Fields);
        yield return new("169", ctx => Rows(ctx, E, (t, r) => !Respite(t, r) && ctx.Geography.La[r] is null), needs: Fields);
        yield return new("179", ctx => Rows(ctx, E, (t, r) => !Respite(t, r) && ctx.Geography.Location[r] is null), needs: Fields);
        yield return new("420", ctx => Rows(ctx, E, (t, r) => Respite(t, r) && ctx.Geography.La[r] is not null), needs: Fields);
        yield return new("411", ctx => Rows(ctx, E, (t, r) => ctx.Geography.Location[r] == "IN" && !IsOwn(ctx, ctx.Geography.La[r])), needs: Fields | RuleNeeds.AuthorityCode);
        yield return new("1015", ctx => Rows(ctx, E, (t, r) => t.Filled(r, "LS") && t.Filled(r, "PLACE") && !Respite(t, r)
            && !t.Is(r, "PLACE", FosteringOrAdoption) && t.Get(r, "PLACE_PROVIDER") == "PR1" && !IsOwn(ctx, ctx.Geography.La[r])), needs: Fields | RuleNeeds.AuthorityCode);
        // A postcode given that the postcode file does not have.
        yield return new("392c", ctx => Rows(ctx, E, (t, r) => Unknown(ctx, t.Get(r, "HOME_POST")) || Unknown(ctx, t.Get(r, "PL_POST"))), needs: RuleNeeds.PostcodeFile);

        // Against last year: 452 and 453 (the child's latest episode last year, when open and with the same RNE),
        // 503G, 503H and 503J (last year's open episode, as 503A–F).
        yield return new("452", ctx => AgainstLatest(ctx, (prev, now) => !string.Equals(ctx.PreviousGeography.La[prev], ctx.Geography.La[now], StringComparison.Ordinal)), needs: Fields);
        yield return new("453", ctx => AgainstLatest(ctx, (prev, now) => FarApart(ctx.PreviousGeography.Miles(prev), ctx.Geography.Miles(now))), needs: Fields);
        yield return new("503G", ctx => PreviousYearRules.AgainstOpenEpisode(ctx, (_, p) => FarApart(ctx.PreviousGeography.Miles(p.Prev), ctx.Geography.Miles(p.First))
            || (ctx.PreviousGeography.Distance[p.Prev] is null && ctx.Geography.Distance[p.First] is not null)), needs: Fields);
        yield return new("503H", ctx => PreviousYearRules.AgainstOpenEpisode(ctx, (_, p) => !string.Equals(ctx.PreviousGeography.La[p.Prev], ctx.Geography.La[p.First], StringComparison.Ordinal)), needs: Fields);
        yield return new("503J", ctx => PreviousYearRules.AgainstOpenEpisode(ctx, (_, p) => !string.Equals(ctx.PreviousGeography.Location[p.Prev], ctx.Geography.Location[p.First], StringComparison.Ordinal)), needs: Fields);
    }

    private static bool Respite(Ssda903Table t, int r) => t.Is(r, "LS", "V3", "V4");

    private static bool IsOwn(ValidationContext ctx, string? la) => string.Equals(la, ctx.AuthorityCode, StringComparison.OrdinalIgnoreCase);

    private static bool Unknown(ValidationContext ctx, string? postcode) => postcode is not null && ctx.Lookups.Postcodes!.Find(postcode) is null;

    // As the reference: a change of 0.2 miles or more; a distance missing on either side is not compared.
    private static bool FarApart(double? then, double? now) => then is { } a && now is { } b && Math.Abs(a - b) >= 0.2;

    // The child's first episode this year (earliest DECOM) against their latest last year (latest DECOM, the first such
    // row on a tie), when that one was still open and both started for the same reason (RNE).
    private static IEnumerable<(ReturnTable, int)> AgainstLatest(ValidationContext ctx, Func<int, int, bool> differs)
    {
        if (ctx.Previous is null)
        {
            yield break;
        }

        var last = ctx.Previous[E];
        foreach (var (child, rows) in ctx.EpisodesByChild)
        {
            // Rows are in DECOM order, undated last: an undated first row means no dated one.
            var first = rows[0];
            if (ctx.Episodes.Date(first, "DECOM") is null)
            {
                continue;
            }

            if (!ctx.PreviousEpisodesByChild.TryGetValue(child, out var then))
            {
                continue;
            }

            var latest = -1;
            DateOnly? latestStart = null;
            foreach (var p in then)
            {
                if (last.Date(p, "DECOM") is { } d && (latestStart is null || d > latestStart))
                {
                    latest = p;
                    latestStart = d;
                }
            }

            if (latest >= 0 && last.Blank(latest, "DEC") && last.Get(latest, "RNE") is { } rne && rne == ctx.Episodes.Get(first, "RNE")
                && differs(latest, first))
            {
                yield return (E, first);
            }
        }
    }
}
