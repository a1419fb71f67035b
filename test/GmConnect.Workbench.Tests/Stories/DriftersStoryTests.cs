using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Stories;

namespace GmConnect.Workbench.Tests.Stories;

public sealed class DriftersStoryTests
{
    // Four babies enter care in 2019/20; one is adopted after 1 year, one returns home after 2.5 years, one is
    // still in care, one is adopted after 5 years. A fifth child entered aged 7 and is not a drifter.
    private static Ssda903History History()
    {
        var r = new Ssda903Return("Wigan", new CollectionYear(2024));
        var h = new Ssda903Table(ReturnTable.Header);
        var e = new Ssda903Table(ReturnTable.Episodes);
        void Child(string id, string dob, string start, string? end, string? rec)
        {
            h.AddRow(id, "F", dob, "WBRI", null, null, null);
            e.AddRow(id, start, "S", "C2", "N1", end is null ? "U4" : rec is "E11" ? "A5" : "U4", "PR1", end, rec, null, null, null, null);
        }

        Child("1", "01/01/2019", "01/06/2019", "01/06/2020", "E11");
        Child("2", "01/01/2019", "01/06/2019", "01/12/2021", "E4A");
        Child("3", "01/01/2018", "01/06/2019", null, null);
        Child("4", "01/01/2019", "01/06/2019", "01/06/2024", "E12");
        Child("5", "01/01/2012", "01/06/2019", null, null);
        r.Set(h);
        r.Set(e);
        return Ssda903History.Build([r]);
    }

    [Fact]
    public void Run_FourBabies_ShareStillInCareAfter2To4Years()
    {
        var results = DriftersStory.Run(History(), new DateOnly(2025, 3, 31));
        var wigan = results.Single(x => x.Area == "Wigan" && x.Cohort == "all");

        Assert.Equal(4, wigan.Children);
        Assert.Equal(0.75, wigan.StillInCareAfter2Years); // child 1 left after 1 year
        Assert.Equal(0.5, wigan.StillInCareAfter3Years); // child 2 left after 2.5 years
        Assert.Equal(0.5, wigan.StillInCareAfter4Years);
        Assert.Equal((2, 1, 0, 0, 1), (wigan.LeftByAdoption, wigan.LeftByReturnHome, wigan.LeftBySpecialGuardianshipOrChildArrangements, wigan.LeftOtherwise, wigan.StillInCare));
        Assert.Contains(results, x => x.Area == "GM" && x.Cohort == "2019/20" && x.Children == 4);
    }

    [Fact]
    public void Run_RecentEntrant_IsCensoredNotCountedAsStaying()
    {
        // At 31/03/2021 the babies have been in care 1.8 years: only child 1 has left. Nobody has been followed
        // for 2 years, so no 2-year figure is claimed, and the three others count as still in care, not as stayers.
        var results = DriftersStory.Run(History(), new DateOnly(2021, 3, 31));
        var wigan = results.Single(x => x.Area == "Wigan" && x.Cohort == "all");

        Assert.Null(wigan.StillInCareAfter2Years);
        Assert.Equal(3, wigan.StillInCare);
        Assert.Equal(1, wigan.LeftByAdoption);
    }
}
