using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Tests.Measures;

public sealed class SocialWorkerTests
{
    // Bolton 2024/25, all three looked after at 31 March 2025:
    // G had SW1, SW2 and SW3 during the year (3); H had SW4 until 1 April 2024 and then SW5 (2: SW4 is counted,
    // its episode reaches into the year); I had SW6, SW7 and SW6 again (2 distinct). So 1 of 3 = 33.3%.
    [Fact]
    public void Compute_SocialWorkers3Plus_HandWorked()
    {
        var values = Ssda903Measures.Compute(Ssda903History.Build([Return(withWorkers: true)]));
        Assert.Equal(33.3, values.Single(v => v.Area == "Bolton" && v.Measure == "social_workers_3plus").Value);
        Assert.Equal(3, values.Single(v => v.Area == "Bolton" && v.Measure == "social_workers_3plus").Base);
    }

    [Fact]
    public void Compute_NoSocialWorkerEpisodes_GivesNoFigureRatherThanZero()
    {
        var values = Ssda903Measures.Compute(Ssda903History.Build([Return(withWorkers: false)]));
        Assert.DoesNotContain(values, v => v.Measure == "social_workers_3plus");
        Assert.Contains(values, v => v.Measure == "cla_31_march" && v.Value == 3);
    }

    [Fact]
    public void Compute_YearBeforeSwEpisodesExisted_GivesNoFigure()
    {
        // The 2024/25 return's episodes reach back into 2022/23 (and H's to 2020), but that year had no SWEpisodes table.
        var earlier = Return(withWorkers: false, startYear: 2022);
        var values = Ssda903Measures.Compute(Ssda903History.Build([earlier, Return(withWorkers: true)]));
        Assert.DoesNotContain(values, v => v.Measure == "social_workers_3plus" && v.Year.StartYear == 2022);
        Assert.Contains(values, v => v.Measure == "social_workers_3plus" && v.Year.StartYear == 2024);
    }

    private static Ssda903Return Return(bool withWorkers, int startYear = 2024)
    {
        var r = new Ssda903Return("Bolton", new CollectionYear(startYear));
        var h = new Ssda903Table(ReturnTable.Header);
        var e = new Ssda903Table(ReturnTable.Episodes);
        foreach (var child in new[] { "G", "H", "I" })
        {
            h.AddRow(child, "M", "01/01/2015", "WBRI", null, null, null);
            e.AddRow(child, "01/01/2023", "S", "C2", "N1", "U4", "PR1", null, null, null, "BL1 1AA", "BL1 1AB", "SC000001");
        }

        r.Set(h);
        r.Set(e);
        if (withWorkers)
        {
            var s = new Ssda903Table(ReturnTable.SWEpisodes);
            s.AddRow("G", "01/01/2015", "SW00001", "01/01/2023", "01/06/2024", "MANAGE");
            s.AddRow("G", "01/01/2015", "SW00002", "01/06/2024", "01/12/2024", "LEFTRL");
            s.AddRow("G", "01/01/2015", "SW00003", "01/12/2024", null, "ORGRST");
            s.AddRow("H", "01/01/2015", "SW00004", "01/01/2020", "01/04/2024", "MANAGE");
            s.AddRow("H", "01/01/2015", "SW00005", "01/04/2024", null, "LEFTRL");
            s.AddRow("I", "01/01/2015", "SW00006", "01/01/2024", "01/05/2024", "MANAGE");
            s.AddRow("I", "01/01/2015", "SW00007", "01/05/2024", "01/08/2024", "ABSENC");
            s.AddRow("I", "01/01/2015", "SW00006", "01/08/2024", null, "OTHERS");
            r.Set(s);
        }

        return r;
    }
}
