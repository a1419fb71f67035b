using FsCheck;
using FsCheck.Fluent;
using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>Unmerge restores exactly the state before the merge, for any grouping of records into persons.</summary>
public sealed class UnmergePropertyTests
{
    private static readonly StewardAction Steward = new("steward-7", "property");

    [Fact]
    public void Unmerge_AfterAnyMerge_RestoresExactlyTheStateBefore() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(15),
            Prop.ForAll((int[] groups, int pick) => RoundTripAsync(groups, pick).GetAwaiter().GetResult()));

    private static async Task<bool> RoundTripAsync(int[] raw, int pick)
    {
        // 2–7 records in up to 4 groups; at least two groups.
        var groups = (raw.Length < 2 ? [0, 1] : raw.Take(7)).Select(g => Math.Abs(g % 4)).ToArray();
        if (groups.Distinct().Count() < 2)
        {
            groups[0] = (groups[1] + 1) % 4;
        }

        await using var index = await TestIndex.CreateAsync();
        var manager = index.Manager;
        var ct = CancellationToken.None;
        var personOfGroup = new Dictionary<int, string>();
        for (var i = 0; i < groups.Length; i++)
        {
            // Unrelated people without national identifiers: stewards may group them however they like.
            var outcome = await manager.SubmitAsync(TestPeople.Stranger(i) with { NhsNumber = null }, ct);
            if (personOfGroup.TryGetValue(groups[i], out var person))
            {
                index.Time.Advance(TimeSpan.FromSeconds(1));
                await manager.LinkAsync(outcome.Key, person, Steward, ct);
            }
            else
            {
                personOfGroup[groups[i]] = outcome.PersonId;
            }
        }

        var persons = personOfGroup.Values.ToList();
        var survivor = persons[Math.Abs(pick % persons.Count)];
        var merged = persons[(Math.Abs(pick % persons.Count) + 1 + Math.Abs(pick / 7 % (persons.Count - 1))) % persons.Count];
        var everyone = await SnapshotAsync(manager, groups.Length);

        index.Time.Advance(TimeSpan.FromMinutes(5));
        var merge = await manager.MergeAsync(survivor, merged, Steward, ct);
        var during = await SnapshotAsync(manager, groups.Length);
        index.Time.Advance(TimeSpan.FromMinutes(5));
        await manager.UnmergeAsync(merge.Sequence, Steward, ct);
        var after = await SnapshotAsync(manager, groups.Length);
        var reopened = await SnapshotAsync(await index.ReopenAsync(), groups.Length);

        return !during.SequenceEqual(everyone) && after.SequenceEqual(everyone) && reopened.SequenceEqual(everyone);
    }

    /// <summary>Every record with its person and link, and every person with its records and merge state.</summary>
    private static async Task<List<string>> SnapshotAsync(IIdentityManager manager, int count)
    {
        var lines = new List<string>();
        var persons = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = await manager.GetRecordAsync(TestPeople.Stranger(i).Key, CancellationToken.None);
            lines.Add(Snapshots.Of(record!));
            persons.Add(record!.PersonId);
        }

        foreach (var id in persons)
        {
            lines.AddRange(Snapshots.Of(await manager.GetPersonAsync(id, CancellationToken.None)));
        }

        return lines;
    }
}
