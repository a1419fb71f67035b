using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Derived;

/// <summary>
/// Merges one child's episodes from several years' returns, as the LIIA tools do (their documented
/// episode-fix rules, re-implemented here):
/// <list type="bullet">
/// <item>the same episode (same DECOM) submitted in several years: the latest submission wins;</item>
/// <item>RULE_1: an episode left open in an earlier year, followed by a continuation (next RNE not S): DEC = next DECOM, REC = X1;</item>
/// <item>RULE_1A: left open, and the child later starts a new period (next RNE S): DEC = the earlier of 31 March of its year and the day before the next DECOM, REC = E99;</item>
/// <item>RULE_2: left open in an earlier year with nothing after it: DEC = 31 March of its year, REC = E99 (ceased, reason not recorded);</item>
/// <item>RULE_4: an episode that overlaps the next: DEC = next DECOM;</item>
/// <item>RULE_5: REC X1 but a gap before the next episode: DEC = next DECOM.</item>
/// </list>
/// Each changed episode carries the rule's name in <see cref="Episode.Repair"/>.
/// </summary>
internal static class EpisodeRepair
{
    public static List<Episode> Merge(IEnumerable<Episode> submitted, CollectionYear latestYear)
    {
        var byStart = new Dictionary<DateOnly, Episode>();
        foreach (var e in submitted.OrderBy(e => e.SourceYear))
        {
            byStart[e.Start] = e;
        }

        var list = byStart.Values.OrderBy(e => e.Start).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var e = list[i];
            var next = i + 1 < list.Count ? list[i + 1] : null;
            if (e.End is null && e.SourceYear < latestYear)
            {
                if (next is null)
                {
                    list[i] = e with { End = e.SourceYear.End, Rec = "E99", Repair = "RULE_2" };
                }
                else if (next.Rne == "S")
                {
                    var dayBefore = next.Start.AddDays(-1);
                    var end = dayBefore < e.SourceYear.End ? dayBefore : e.SourceYear.End;
                    list[i] = e with { End = end < e.Start ? e.Start : end, Rec = "E99", Repair = "RULE_1A" };
                }
                else
                {
                    list[i] = e with { End = next.Start, Rec = "X1", Repair = "RULE_1" };
                }
            }
            else if (next is not null && e.End is { } end)
            {
                if (end > next.Start)
                {
                    list[i] = e with { End = next.Start, Repair = "RULE_4" };
                }
                else if (e.Rec == "X1" && end < next.Start)
                {
                    list[i] = e with { End = next.Start, Repair = "RULE_5" };
                }
            }
            else if (next is not null && e.End is null)
            {
                // Open in the latest year but followed by another episode: it must have ended when the next began.
                list[i] = e with { End = next.Start, Rec = next.Rne == "S" ? "E99" : "X1", Repair = "RULE_4" };
            }
        }

        return list;
    }
}
