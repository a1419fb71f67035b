using System.Globalization;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Synthetic;

/// <summary>
/// Writes synthetic SSDA903 returns for several authorities and years: children enter care at a steady rate, move
/// placement, change legal status, go missing, are adopted (placement order, decision, match, A5 placement with the
/// foster carer), return home, leave at 18 — with the episode chain rules respected, so that a clean run validates
/// (nearly) clean; <see cref="SyntheticOptions.ErrorRate"/> breaks a chosen share of rows on purpose.
/// Everything is random: no real child or provider; postcodes are real GM sectors with random unit letters (see <see cref="SyntheticPostcodes"/>).
/// </summary>
public static class SyntheticReturns
{
    private static readonly string[] Ethnic = ["WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MWBA", "MOTH", "APKN", "ABAN", "AOTH", "BAFR", "BCRB", "OOTH"];
    private static readonly string[] Moves = ["CARPL", "CARPL", "CARPL", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "OTHER"];

    /// <summary>Generates the returns in memory.</summary>
    public static IReadOnlyList<Ssda903Return> Generate(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new Random(options.Seed);
        var result = new List<Ssda903Return>();
        foreach (var (authority, size) in options.Authorities)
        {
            var children = Simulate(authority, (int)Math.Round(size * options.Scale), options, random);
            for (var end = options.FirstEndYear; end <= options.LastEndYear; end++)
            {
                result.Add(Write(authority, new CollectionYear(end - 1), children, options, random));
            }
        }

        return result;
    }

    private static List<SimChild> Simulate(string authority, int stock, SyntheticOptions options, Random random)
    {
        var simStart = new DateOnly(options.FirstEndYear - 12, 4, 1);
        var simEnd = new DateOnly(options.LastEndYear, 3, 31);
        // Entrants per year ≈ half the number looked after at 31 March (calibrated so the GM stock comes out near 8,000).
        var perDay = stock / 2.0 / 365.25;
        var children = new List<SimChild>();
        var postcodes = new SyntheticPostcodes(authority);
        var next = 0;
        for (var day = simStart; day <= simEnd; day = day.AddDays(1))
        {
            var arrivals = Poisson(random, perDay);
            for (var a = 0; a < arrivals; a++)
            {
                children.Add(Child(authority[..3].ToUpperInvariant() + (100000 + next++).ToString(CultureInfo.InvariantCulture), day, simEnd, postcodes, random));
            }
        }

        return children;
    }

    private static SimChild Child(string id, DateOnly entry, DateOnly simEnd, SyntheticPostcodes postcodes, Random random)
    {
        var ageRoll = random.NextDouble();
        var age = ageRoll < 0.2 ? 0 : ageRoll < 0.35 ? random.Next(1, 5) : ageRoll < 0.53 ? random.Next(5, 10) : ageRoll < 0.88 ? random.Next(10, 16) : random.Next(16, 18);
        var dob = entry.AddYears(-age).AddDays(-random.Next(1, 364));
        var male = random.NextDouble() < 0.55;
        var uasc = age >= 14 && male && random.NextDouble() < 0.35;
        var child = new SimChild
        {
            Id = id,
            Male = male,
            Dob = dob,
            Ethnic = Ethnic[random.Next(Ethnic.Length)],
            Upn = "A" + random.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture),
            Uasc = uasc,
        };

        // A social worker from at least a year before care, then a change every 550 days on average.
        var worker = entry.AddDays(-random.Next(370, 700));
        child.SocialWorkers.Add((SocialWorkerId(random), worker, "MANAGE"));

        var meanDays = age < 5 ? 700 : age < 10 ? 900 : age < 16 ? 1100 : 400;
        var leave = entry.AddDays(1 + (int)(-Math.Log(1 - random.NextDouble()) * meanDays));
        var eighteen = dob.AddYears(18);
        string? reason;
        if (leave >= eighteen)
        {
            leave = eighteen;
            reason = random.NextDouble() < 0.2 ? "E17" : "E8";
        }
        else
        {
            var r = random.NextDouble();
            reason = age < 5
                ? r < 0.35 ? "E11" : r < 0.65 ? "E4A" : r < 0.85 ? "E45" : r < 0.95 ? "E41" : "E13"
                : age < 16 ? r < 0.5 ? "E4A" : r < 0.65 ? "E47" : r < 0.75 ? "E41" : r < 0.85 ? "E13" : "E8"
                : r < 0.3 ? "E5" : r < 0.4 ? "E6" : r < 0.65 ? "E4A" : "E8";
        }

        if (leave > simEnd)
        {
            reason = null;
        }

        var adopted = reason is "E11";
        if (adopted && leave is { Month: 3, Day: 31 } && leave.AddDays(-1) > entry)
        {
            // The validation rules count a child whose care ends on 31 March in that year's OC2 cohort (rule 187 then
            // forbids an AD1 row), so synthetic adoptions are never granted on the last day of a collection year.
            leave = leave.AddDays(-1);
        }

        var home = postcodes.Home(random);
        var cin = uasc ? "N8" : "N" + random.Next(1, 7).ToString(CultureInfo.InvariantCulture);
        var ls = uasc ? "V2" : random.NextDouble() < 0.45 ? "V2" : "C1";
        var stop = leave > simEnd ? simEnd.AddDays(1) : leave;
        while ((worker = worker.AddDays(1 + (int)(-Math.Log(1 - random.NextDouble()) * 550))) < stop)
        {
            child.SocialWorkers.Add((SocialWorkerId(random), worker, SocialWorkerChange[random.Next(SocialWorkerChange.Length)]));
        }


        // Planned changes: moves, C1 → C2 after 4–10 months, and for adoption E1, then an A5 placement with the foster carer.
        var changes = new SortedDictionary<DateOnly, string>();
        var moves = Poisson(random, Math.Max(0, stop.DayNumber - entry.DayNumber) / 600.0);
        for (var i = 0; i < moves; i++)
        {
            changes.TryAdd(entry.AddDays(random.Next(1, Math.Max(2, stop.DayNumber - entry.DayNumber))), "P");
        }

        if (ls == "C1")
        {
            changes.TryAdd(entry.AddDays(random.Next(120, 300)), "L:C2");
        }

        DateOnly? adoptive = null;
        if (adopted && leave.DayNumber - entry.DayNumber > 400)
        {
            adoptive = leave.AddDays(-random.Next(100, 200));
            var order = adoptive.Value.AddDays(-random.Next(60, 150));
            foreach (var key in changes.Keys.Where(k => k >= order.AddDays(-1)).ToList())
            {
                changes.Remove(key);
            }

            changes[order] = "L:E1";
            changes[adoptive.Value] = "A";
            child.Adoption = (order.AddDays(-30), adoptive.Value.AddDays(-14));
        }
        else if (adopted)
        {
            reason = "E4A";
        }

        var place = FirstPlace(age, random);
        if (place == "P1" && ls == "V2")
        {
            // Placed with parents is not possible under a single period of accommodation (rule 378).
            place = "U6";
        }
        var (provider, urn, pl) = Provider(place, home, postcodes, random);
        var current = new SimEpisode(entry, "S", ls, cin, place, provider, urn, home, pl);
        child.Episodes.Add(current);
        foreach (var (when, what) in changes)
        {
            if (when >= stop || when <= current.Decom)
            {
                continue;
            }

            current.Dec = when;
            current.Rec = "X1";
            SimEpisode nextEpisode;
            if (what.StartsWith("L:", StringComparison.Ordinal))
            {
                nextEpisode = current with { Decom = when, Rne = "L", Ls = what[2..] };
            }
            else
            {
                var agedNow = Dates.AgeOn(dob, when);
                var newPlace = what == "A" ? "A5" : NextPlace(agedNow, random);
                for (var tries = 0; newPlace == current.Place && tries < 5; tries++)
                {
                    // A move is to somewhere else: without postcodes (UASC) two H5s would look like no move at all.
                    newPlace = NextPlace(agedNow, random);
                }
                var (p2, u2, pl2) = what == "A" ? ("PR1", current.Urn ?? "SC" + random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture), current.PlPost) : Provider(newPlace, home, postcodes, random);
                if (what == "A" && !current.Place.StartsWith('U'))
                {
                    // The A5 placement is with the current foster carer, so the child must be fostered just before it.
                    current.Dec = when.AddDays(-30);
                    var fosterPost = Provider("U4", home, postcodes, random).PlPost;
                    var foster = current with { Decom = when.AddDays(-30), Rne = "P", Place = "U4", Provider = "PR1", Urn = "SC" + random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture), PlPost = fosterPost };
                    foster.Dec = null;
                    foster.Rec = null;
                    current.ReasonPlaceChange = "CARPL";
                    child.Episodes.Add(foster);
                    current = foster;
                    current.Dec = when;
                    current.Rec = "X1";
                    p2 = "PR1";
                    u2 = current.Urn;
                    pl2 = current.PlPost;
                }

                current.ReasonPlaceChange = what == "A" ? "CARPL" : Moves[random.Next(Moves.Length)];
                nextEpisode = current with { Decom = when, Rne = what == "A" ? "T" : "P", Place = newPlace, Provider = p2, Urn = u2, PlPost = pl2 };
            }

            nextEpisode.Dec = null;
            nextEpisode.Rec = null;
            nextEpisode.ReasonPlaceChange = null;
            child.Episodes.Add(nextEpisode);
            current = nextEpisode;
        }

        if (reason is not null)
        {
            current.Dec = leave;
            current.Rec = reason == "E11" && adoptive is null ? "E4A"
                : reason is "E45" && !current.Place.StartsWith('U') ? "E47"
                : reason;
        }

        RegisterSupportedAccommodation(child);

        // Missing incidents for older children: short and closed, within the period.
        if (age >= 10 && random.NextDouble() < 0.3)
        {
            var n = random.Next(1, 5);
            var cursor = entry.AddDays(10);
            for (var i = 0; i < n; i++)
            {
                cursor = cursor.AddDays(random.Next(20, 200));
                var end = cursor.AddDays(random.Next(0, 3));
                if (end >= stop.AddDays(-1) || CollectionYear.Containing(cursor) != CollectionYear.Containing(end))
                {
                    break;
                }

                child.Missing.Add((random.NextDouble() < 0.8 ? "M" : "A", cursor, end));
                cursor = end;
            }
        }

        return child;
    }

    // Supported accommodation (H5) needs an Ofsted registration (URN) from 28 October 2023 (rule 230): an H5 placement
    // made from that day has one, and one still open then ends that day and goes on, as the same placement with its
    // new registration, in an episode of its own ("change in the status of placement only"), so that last year's open
    // episode and this year's first agree (503F). The URN comes from the child and the date, not from the shared
    // random sequence, so every other child and episode is generated exactly as before; it is the same for the same
    // placement (child and placement postcode), so a change of legal status alone keeps it (434).
    private static void RegisterSupportedAccommodation(SimChild child)
    {
        var from = new DateOnly(2023, 10, 28);
        for (var i = 0; i < child.Episodes.Count; i++)
        {
            var e = child.Episodes[i];
            if (e.Place != "H5" || e.Urn is not null || e.Dec is { } dec && dec <= from)
            {
                continue;
            }

            var urn = "SC" + (100000 + (int)((uint)StableHash(child.Id + e.PlPost) % 900000)).ToString(CultureInfo.InvariantCulture);
            if (e.Decom >= from)
            {
                child.Episodes[i] = e with { Urn = urn };
                if (e.Rne == "L" && i > 0 && child.Episodes[i - 1] is { Place: "H5", Urn: null } before && before.Dec == e.Decom)
                {
                    // A change of legal status on the very day: the registration changes the placement too (436).
                    child.Episodes[i] = child.Episodes[i] with { Rne = "B" };
                    before.ReasonPlaceChange = "PLACE";
                }

                continue;
            }

            var registered = e with { Decom = from, Rne = "P", Urn = urn };
            e.Dec = from;
            e.Rec = "X1";
            e.ReasonPlaceChange = "PLACE";
            child.Episodes.Insert(i + 1, registered);
        }
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private static string FirstPlace(int age, Random random)
    {
        var r = random.NextDouble();
        return age < 10
            ? r < 0.2 ? "U3" : r < 0.9 ? "U6" : r < 0.95 ? "R3" : "P1"
            : age < 16 ? r < 0.15 ? "U3" : r < 0.7 ? "U6" : r < 0.95 ? "K2" : "P1"
            : r < 0.4 ? "U6" : r < 0.6 ? "K2" : "H5";
    }

    private static string NextPlace(int age, Random random)
    {
        var r = random.NextDouble();
        return age < 10 ? r < 0.5 ? "U4" : r < 0.8 ? "U6" : "U1"
            : age < 16 ? r < 0.4 ? "U4" : r < 0.7 ? "U6" : "K2"
            : r < 0.3 ? "U4" : r < 0.6 ? "K2" : "H5";
    }

    private static readonly string[] SocialWorkerChange = ["LEFTRL", "ORGRST", "CHCHAN", "PCCHAN", "MANAGE", "OTHERS"];

    private static string SocialWorkerId(Random random) => "SW" + random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);

    private static (string Provider, string? Urn, string PlPost) Provider(string place, string home, SyntheticPostcodes postcodes, Random random)
    {
        var post = place == "P1" ? home : postcodes.Placement(random);
        if (post == home && place != "P1")
        {
            post = "OL1 1AA";
        }

        var urn = "SC" + random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        return place switch
        {
            "P1" => ("PR0", null, post),
            "H5" => ("PR4", null, post),
            "R3" => ("PR3", urn, post),
            "U1" or "U2" or "U3" => ("PR1", urn, post),
            _ => (random.NextDouble() < 0.6 ? "PR1" : "PR4", urn, post),
        };
    }

    private static int Poisson(Random random, double mean)
    {
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > l && k < 1000);
        return k - 1;
    }

    private static Ssda903Return Write(string authority, CollectionYear year, List<SimChild> children, SyntheticOptions options, Random random) =>
        SyntheticWriter.Write(authority, year, children, options, random);
}
