using GmConnect.Workbench.Stories;

namespace GmConnect.Workbench.Tests.Stories;

public sealed class KaplanMeierTests
{
    [Fact]
    public void Survival_TextbookExample_MatchesHandCalculation()
    {
        // Times 1, 2+, 3, 3, 4+, 5: at t=1 6 at risk, 1 event → 5/6; t=3: 4 at risk, 2 events → 5/6 × 2/4 = 0.4167;
        // t=5: 1 at risk, 1 event → 0.
        var km = new KaplanMeier([(1, true), (2, false), (3, true), (3, true), (4, false), (5, true)]);

        Assert.Equal(1.0, km.Survival(0));
        Assert.Equal(5.0 / 6, km.Survival(2)!.Value, 6);
        Assert.Equal(5.0 / 12, km.Survival(4)!.Value, 6);
        Assert.Equal(0.0, km.Survival(5));
        Assert.Null(km.Survival(6));
    }

    [Fact]
    public void Survival_NoCensoring_EqualsTheEmpiricalShare()
    {
        var km = new KaplanMeier(Enumerable.Range(1, 10).Select(t => (t * 100, true)));

        Assert.Equal(0.7, km.Survival(300)!.Value, 9);
    }

    // Property test over seeded random samples (FsCheck's xUnit v3 package needs a newer xUnit than the one pinned).
    [Fact]
    public void Survival_RandomSamples_IsWithinZeroAndOneAndNeverRises()
    {
        var random = new Random(903);
        for (var sample = 0; sample < 300; sample++)
        {
            var data = Enumerable.Range(0, random.Next(1, 60)).Select(_ => (random.Next(0, 2000), random.Next(2) == 0)).ToList();
            var km = new KaplanMeier(data);
            double previous = 1;
            for (var t = 0; t <= km.MaxTime; t += 37)
            {
                var s = km.Survival(t)!.Value;
                Assert.InRange(s, 0, 1);
                Assert.True(s <= previous + 1e-12);
                previous = s;
            }
        }
    }
}
