using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Derived;

/// <summary>
/// The derived model over many returns (authorities × years): each child's merged, repaired episodes chained into
/// periods of care, placements and legal-status spells, with missing periods and adoption timelines.
/// </summary>
public sealed class Ssda903History
{
    private Ssda903History(IReadOnlyList<ChildHistory> children, IReadOnlyDictionary<string, IReadOnlyList<CollectionYear>> years)
    {
        Children = children;
        YearsByAuthority = years;
    }

    /// <summary>Every child, ordered by authority then ID.</summary>
    public IReadOnlyList<ChildHistory> Children { get; }

    /// <summary>The collection years loaded per authority.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CollectionYear>> YearsByAuthority { get; }

    /// <summary>
    /// The same model restricted to the children <paramref name="keep"/> accepts (the years loaded stay as they are, so
    /// measures over the subset still cover every authority and year): the explorer's filters on sex, ethnicity, UASC.
    /// </summary>
    public Ssda903History Where(Func<ChildHistory, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new Ssda903History(Children.Where(keep).ToList(), YearsByAuthority);
    }

    /// <summary>Builds the model from returns; several years of one authority are merged per child.</summary>
    public static Ssda903History Build(IEnumerable<Ssda903Return> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var all = returns.ToList();
        // Authorities share nothing (a child ID is only unique within one), so each is built on its own thread and the
        // results are put together in authority order: the same model as building them one after another.
        var built = ParallelWork.Map(all.GroupBy(r => r.Authority, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList(),
            BuildAuthority);
        var children = new List<ChildHistory>(built.Sum(b => b.Children.Count));
        var years = new Dictionary<string, IReadOnlyList<CollectionYear>>(StringComparer.Ordinal);
        foreach (var b in built)
        {
            years[b.Authority] = b.Years;
            children.AddRange(b.Children);
        }

        return new Ssda903History(children, years);
    }

    private sealed record Built(string Authority, IReadOnlyList<CollectionYear> Years, List<ChildHistory> Children);

    private static Built BuildAuthority(IGrouping<string, Ssda903Return> authority)
    {
        var ordered = authority.OrderBy(r => r.Year).ToList();
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var ret in ordered)
        {
            Collect(ret, builders);
        }

        // An open episode is repaired unless it comes from the authority's latest return: a child missing from a
        // later return is no longer looked after.
        var latest = ordered[^1].Year;
        var children = builders.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Value.Build(new ChildKey(authority.Key, b.Key), latest)).ToList();
        return new Built(authority.Key, ordered.Select(r => r.Year).Distinct().ToList(), children);
    }

    private static Builder For(Dictionary<string, Builder> builders, string child)
    {
        if (!builders.TryGetValue(child, out var b))
        {
            builders[child] = b = new Builder();
        }

        return b;
    }

    private static void Collect(Ssda903Return ret, Dictionary<string, Builder> builders)
    {
        var h = ret[ReturnTable.Header];
        foreach (var r in h.Rows)
        {
            var b = For(builders, h.Child(r));
            b.Dob = h.Date(r, "DOB") ?? b.Dob;
            b.Sex = NormalSex(h.Get(r, "SEX")) ?? b.Sex;
            b.Ethnic = h.Get(r, "ETHNIC") ?? b.Ethnic;
            b.Uasc |= h.Get(r, "UASC") == "1";
            b.Duc = h.Date(r, "DUC") ?? b.Duc;
        }

        var u = ret[ReturnTable.UASC];
        foreach (var r in u.Rows)
        {
            var b = For(builders, u.Child(r));
            b.Uasc = true;
            b.Duc = u.Date(r, "DUC") ?? b.Duc;
        }

        var e = ret[ReturnTable.Episodes];
        foreach (var r in e.Rows)
        {
            if (e.Date(r, "DECOM") is not { } start)
            {
                continue;
            }

            var b = For(builders, e.Child(r));
            b.Episodes.Add(new Episode(start, e.Date(r, "DEC"), e.Get(r, "RNE"), e.Get(r, "LS"), e.Get(r, "CIN"), e.Get(r, "PLACE"),
                e.Get(r, "PLACE_PROVIDER"), e.Get(r, "REC"), e.Get(r, "REASON_PLACE_CHANGE"), e.Get(r, "HOME_POST"), e.Get(r, "PL_POST"),
                e.Get(r, "URN"), ret.Year));
        }

        var m = ret[ReturnTable.Missing];
        foreach (var r in m.Rows)
        {
            if (m.Date(r, "MIS_START") is { } start && m.Get(r, "MISSING") is { } type)
            {
                (For(builders, m.Child(r)).Missing ??= [])[(type, start)] = new MissingEpisode(type, start, m.Date(r, "MIS_END"));
            }
        }

        var sw = ret[ReturnTable.SWEpisodes];
        foreach (var r in sw.Rows)
        {
            if (sw.Date(r, "SW_DECOM") is { } start && sw.Get(r, "SW_ID") is { } worker)
            {
                // The same episode in a later year's return replaces the earlier (it may have ended since).
                (For(builders, sw.Child(r)).SocialWorkers ??= [])[(worker, start)] = new SocialWorkerEpisode(worker, start, sw.Date(r, "SW_DEC"));
            }
        }

        var a = ret[ReturnTable.AD1];
        foreach (var r in a.Rows)
        {
            var b = For(builders, a.Child(r));
            b.DateInt = a.Date(r, "DATE_INT") ?? b.DateInt;
            b.DateMatch = a.Date(r, "DATE_MATCH") ?? b.DateMatch;
            b.FosterCare = a.Get(r, "FOSTER_CARE") == "1" || b.FosterCare;
        }

        var p = ret[ReturnTable.PlacedAdoption];
        foreach (var r in p.Rows)
        {
            if (p.Date(r, "DATE_PLACED") is { } placed)
            {
                For(builders, p.Child(r)).Decisions.Add(placed);
            }
        }
    }

    private static string? NormalSex(string? sex) => sex switch { "1" => "M", "2" => "F", _ => sex };

    private sealed class Builder
    {
        public DateOnly? Dob;
        public string? Sex;
        public string? Ethnic;
        public bool Uasc;
        public DateOnly? Duc;
        public DateOnly? DateInt;
        public DateOnly? DateMatch;
        public bool FosterCare;
        public readonly List<Episode> Episodes = [];
        // Most children have no missing or social worker episodes: their maps are made on first use.
        public Dictionary<(string, DateOnly), MissingEpisode>? Missing;
        public readonly List<DateOnly> Decisions = [];
        public Dictionary<(string, DateOnly), SocialWorkerEpisode>? SocialWorkers;

        public ChildHistory Build(ChildKey key, CollectionYear latest)
        {
            var episodes = EpisodeRepair.Merge(Episodes, latest);
            // The periods are chained once, here, and handed to the child (they were chained a second time there).
            var periods = ChildHistory.Chain(episodes);
            var adoptions = new List<AdoptionSteps>();
            foreach (var period in periods.Where(p => p.Reason is "E11" or "E12"))
            {
                var court = period.Episodes.FirstOrDefault(e => e.LegalStatus is "E1" or "D1")?.Start;
                var adoptiveIndex = period.Placements.ToList().FindIndex(pl => pl.Place is "A3" or "A4" or "A5" or "A6");
                DateOnly? placed = adoptiveIndex >= 0 ? period.Placements[adoptiveIndex].Start : null;
                DateOnly? fosterStart = placed;
                if (FosterCare && adoptiveIndex > 0 && period.Placements[adoptiveIndex - 1].Place is { } before && before.StartsWith('U'))
                {
                    fosterStart = period.Placements[adoptiveIndex - 1].Start;
                }

                var decision = DateInt ?? Decisions.Where(d => d >= period.Start).Order().Cast<DateOnly?>().FirstOrDefault();
                adoptions.Add(new AdoptionSteps(period.Start, court, decision, DateMatch, placed, period.End!.Value, FosterCare, fosterStart));
            }

            List<MissingEpisode> missing = Missing is null ? [] : Missing.Values.OrderBy(m => m.Start).ToList();
            List<SocialWorkerEpisode> workers = SocialWorkers is null ? [] : SocialWorkers.Values.OrderBy(w => w.Start).ToList();
            return new ChildHistory(key, Dob, Sex, Ethnic, Duc, Uasc, episodes, periods, missing, adoptions) { SocialWorkers = workers };
        }
    }
}
