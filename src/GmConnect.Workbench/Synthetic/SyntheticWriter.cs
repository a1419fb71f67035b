using System.Globalization;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Synthetic;

/// <summary>Turns simulated children into one authority's return for one year, as the DfE tables.</summary>
internal static class SyntheticWriter
{
    private static readonly DateOnly PrevPermFrom = new(2016, 4, 1);

    public static Ssda903Return Write(string authority, CollectionYear year, List<SimChild> children, SyntheticOptions options, Random random)
    {
        var result = new Ssda903Return(authority, year);
        var tables = Enum.GetValues<ReturnTable>().ToDictionary(t => t, t => new Ssda903Table(t));
        string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        string? Dn(DateOnly? d) => d is { } x ? D(x) : null;
        void Add(ReturnTable table, string?[] row)
        {
            if (options.ErrorRate > 0 && random.NextDouble() < options.ErrorRate)
            {
                Corrupt(table, row, random);
            }

            tables[table].AddRow(row);
        }

        foreach (var child in children)
        {
            var episodes = child.Episodes.Where(e => e.Decom <= year.End && (e.Dec is null || e.Dec >= year.Start)).ToList();
            if (episodes.Count == 0)
            {
                continue;
            }

            var sex = year.StartYear >= 2024 ? (child.Male ? "M" : "F") : (child.Male ? "1" : "2");
            var dob = D(child.Dob);
            // Rule 393 (as the reference reads it): every girl with an episode that is not respite has MOTHER
            // completed, whatever her age; 399: a respite-only child has none.
            var mother = !child.Male && episodes.Any(e => e.Ls is null || !CodeLists.Respite.Contains(e.Ls)) ? "0" : null;
            Add(ReturnTable.Header, [child.Id, sex, dob, child.Ethnic, child.Upn, mother, null]);
            if (child.Uasc)
            {
                Add(ReturnTable.UASC, [child.Id, sex, dob, D(child.Dob.AddYears(18))]);
            }

            foreach (var e in episodes)
            {
                var open = e.Dec is null || e.Dec > year.End;
                // Special guardianship codes were E43/E44 until 2017/18.
                var rec = year.StartYear < 2018 ? e.Rec switch { "E45" or "E46" => "E43", "E47" or "E48" => "E44", _ => e.Rec } : e.Rec;
                Add(ReturnTable.Episodes,
                [
                    child.Id, D(e.Decom), e.Rne, e.Ls, e.Cin, e.Place, e.Provider, open ? null : Dn(e.Dec), open ? null : rec,
                    open ? null : e.ReasonPlaceChange, child.Uasc ? null : e.HomePost, child.Uasc ? null : e.PlPost, e.Urn,
                ]);
            }

            foreach (var (type, start, end) in child.Missing.Where(m => m.Start >= year.Start && m.Start <= year.End))
            {
                Add(ReturnTable.Missing, [child.Id, dob, type, D(start), D(end)]);
            }

            var last = episodes[^1];
            if (child.Adoption is { } adoption && adoption.Decision <= year.End)
            {
                Add(ReturnTable.PlacedAdoption, [child.Id, dob, D(adoption.Decision), null, null]);
                if (last.Rec is "E11" && last.Dec is { } adopted && adopted >= year.Start && adopted <= year.End)
                {
                    Add(ReturnTable.AD1, [child.Id, dob, D(adoption.Decision), D(adoption.Match), "1", "2", "MF", "L11"]);
                }
            }

            if (episodes.Any(e => e.Rne == "S" && e.Decom >= PrevPermFrom))
            {
                Add(ReturnTable.PrevPerm, [child.Id, dob, "Z1", null, null]);
            }

            var lookedAfterAtEnd = last.Dec is null || last.Dec > year.End;
            var periodStart = child.Entry;
            // The OC2 cohort as the DfE validation rules define it: in care from the year start and not leaving before
            // its last day (an episode ending on 31 March does not break it).
            if ((last.Dec is null || last.Dec >= year.End) && periodStart <= year.Start)
            {
                Add(ReturnTable.OC2, Oc2(child, dob, year, random));
            }

            if (lookedAfterAtEnd && year.StartYear >= 2023)
            {
                // Every social worker the child had during the year, the last one open.
                var workers = child.SocialWorkers;
                for (var i = 0; i < workers.Count; i++)
                {
                    DateOnly? next = i + 1 < workers.Count ? workers[i + 1].Start : null;
                    if (workers[i].Start <= year.End && (next is null || next >= year.Start))
                    {
                        Add(ReturnTable.SWEpisodes, [child.Id, dob, workers[i].Id, D(workers[i].Start), next <= year.End ? D(next!.Value) : null, workers[i].Reason]);
                    }
                }
            }
        }

        foreach (var table in tables.Values)
        {
            if (table.Kind != ReturnTable.DoLo && (table.Kind != ReturnTable.SWEpisodes || year.StartYear >= 2023) && table.Kind != ReturnTable.OC3 && table.Kind != ReturnTable.Reviews)
            {
                result.Set(table);
            }
        }

        return result;
    }

    private static string?[] Oc2(SimChild child, string dob, CollectionYear year, Random random)
    {
        var ageStart = Dates.AgeOn(child.Dob, year.Start);
        var ageEnd = Dates.AgeOn(child.Dob, year.End);
        // An SDQ score from the year of the 4th birthday to the year of the 17th (197B), unless 17 on the first day of
        // the year (189).
        string? sdq = ageEnd >= 4 && ageStart < 17 ? random.Next(0, 41).ToString(CultureInfo.InvariantCulture) : null;
        string? convicted = ageEnd >= 10 ? (random.NextDouble() < 0.05 ? "1" : "0") : null;
        string? healthCheck = ageEnd < 5 ? "1" : null;
        string Flag(double p) => random.NextDouble() < p ? "1" : "0";
        return [child.Id, dob, sdq, null, convicted, healthCheck, Flag(0.85), Flag(0.85), Flag(0.9), "0", null, null];
    }

    // One invalid value in the row, of a kind analysts meet: a bad code or an impossible date.
    private static void Corrupt(ReturnTable table, string?[] row, Random random)
    {
        switch (table)
        {
            case ReturnTable.Header:
                row[random.Next(2) == 0 ? 1 : 3] = "X9";
                break;
            case ReturnTable.Episodes:
                var which = random.Next(3);
                row[which == 0 ? 5 : which == 1 ? 3 : 1] = which == 2 ? "31/02/2020" : "Q9";
                break;
            default:
                row[1] = "31/02/2010";
                break;
        }
    }
}
