using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>
/// Reads (resolution, person reads, search) run beside writes without taking the writers' gate: whatever they see must
/// be one whole state of the index, before or after each change, never half of one.
/// </summary>
public sealed class ConcurrentReadsTests
{
    private static readonly StewardAction Steward = new("steward-42", "checked with the family");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Without the lock a reader can spin for ever in a list or dictionary changed under it: the timeout makes that a failure.
    [Fact(Timeout = 120_000)]
    public async Task Reads_DuringMergesAndUnmerges_AlwaysSeeOneWholeState()
    {
        await using var index = await TestIndex.CreateAsync();
        var a = await index.Manager.SubmitAsync(TestPeople.Stranger(1), Ct);
        var b = TestPeople.Stranger(2) with { NhsNumber = null };
        var bKeys = new[] { "stranger:2|s2", "acute:RW3|b2", "school:3524001|b3", "police:gmp|b4" };
        var first = await index.Manager.SubmitAsync(b, Ct);
        foreach (var key in bKeys.Skip(1))
        {
            var parts = key.Split('|');
            var outcome = await index.Manager.SubmitAsync(b with { Source = parts[0], RecordId = parts[1] }, Ct);
            if (outcome.PersonId != first.PersonId)
            {
                await index.Manager.LinkAsync(outcome.Key, first.PersonId, Steward, Ct);
            }
        }

        var aKeys = new[] { "stranger:1|s1" };
        var together = aKeys.Concat(bKeys).Order(StringComparer.Ordinal).ToList();
        var apart = bKeys.Order(StringComparer.Ordinal).ToList();
        using var done = new CancellationTokenSource();
        var seen = new int[3];

        async Task ReadAsync(int reader)
        {
            while (!done.IsCancellationRequested)
            {
                var viaRecord = await index.Manager.ResolveAsync(IdentifierSystems.ForSource("acute:RW3"), "b2", Ct);
                Assert.NotNull(viaRecord);
                Assert.All(viaRecord.Records, r => Assert.Equal(viaRecord.PersonId, r.PersonId));
                var keys = viaRecord.Records.Select(r => r.Record.Key.ToString()).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(viaRecord.PersonId == a.PersonId ? together : apart, keys);

                var merged = await index.Manager.GetPersonAsync(first.PersonId, Ct);
                Assert.True(
                    (merged!.MergedInto == a.PersonId && merged.Records.Count == 0) || (merged.MergedInto is null && merged.Records.Count == bKeys.Length),
                    "the merged person is either merged and empty or whole and on its own");

                var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = b.FamilyName, GivenName = b.GivenName, DateOfBirth = b.DateOfBirth }, Ct);
                Assert.Equal(bKeys.Length, hits.Count);
                Assert.Single(hits.Select(h => h.Record.PersonId).Distinct());
                Interlocked.Increment(ref seen[reader]);
            }
        }

        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() => ReadAsync(r), Ct)).ToList();
        try
        {
            // Writes start once every reader is reading, and go on until each has read many times (a busy thread pool
            // may start a reader late).
            await WhenAsync(() => seen.All(n => n > 0), readers);
            for (var i = 0; i < 25 || (seen.Min() < 50 && i < 2_000); i++)
            {
                var merge = await index.Manager.MergeAsync(a.PersonId, first.PersonId, Steward, Ct);
                await index.Manager.UnmergeAsync(merge.Sequence, Steward, Ct);
            }
        }
        finally
        {
            await done.CancelAsync();
        }

        await Task.WhenAll(readers);
        Assert.All(seen, n => Assert.True(n >= 50));
    }

    // Without the lock a reader can spin for ever in a list or dictionary changed under it: the timeout makes that a failure.
    [Fact(Timeout = 120_000)]
    public async Task Reads_DuringBatchSubmits_SeeAWholeBatchOrNoneOfIt()
    {
        await using var index = await TestIndex.CreateAsync();
        await index.AddStrangersAsync(20);
        using var done = new CancellationTokenSource();
        const int size = 5;
        var seen = new int[2];

        async Task ReadAsync(int reader)
        {
            while (!done.IsCancellationRequested)
            {
                // Every batch brings five records of one new person: a reader sees a multiple of five of them.
                var hits = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Quartermaine", Limit = 1_000 }, Ct);
                Assert.Equal(0, hits.Count % size);
                Interlocked.Increment(ref seen[reader]);
            }
        }

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() => ReadAsync(r), Ct)).ToList();
        try
        {
            await WhenAsync(() => seen.All(n => n > 0), readers);
            for (var batch = 0; batch < 15; batch++)
            {
                var person = TestPeople.Stranger(500 + batch) with { FamilyName = "Quartermaine", NhsNumber = null };
                await index.Manager.SubmitBatchAsync([.. Enumerable.Range(0, size).Select(i => person with { Source = "batch:" + i, RecordId = "r" + batch })], Ct);
            }
        }
        finally
        {
            await done.CancelAsync();
        }

        await Task.WhenAll(readers);
        var all = await index.Manager.SearchAsync(new DemographicQuery { FamilyName = "Quartermaine", Limit = 1_000 }, Ct);
        Assert.Equal(15 * size, all.Count);
        Assert.All(seen, n => Assert.True(n > 1));
    }

    /// <summary>Waits until the condition holds, or a reader has failed (its failure then shows).</summary>
    private static async Task WhenAsync(Func<bool> condition, List<Task> readers)
    {
        while (!condition())
        {
            if (readers.Any(r => r.IsCompleted))
            {
                await Task.WhenAll(readers);
            }

            await Task.Delay(1, Ct);
        }
    }
}
