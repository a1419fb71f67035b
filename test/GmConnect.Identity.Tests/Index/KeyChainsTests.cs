using FsCheck;
using FsCheck.Fluent;
using GmConnect.Identity.Index;

namespace GmConnect.Identity.Tests.Index;

public sealed class KeyChainsTests
{
    [Fact]
    public void Remove_HeadMiddleAndTail_KeepsTheOthersInOrder()
    {
        var chains = new KeyChains<string>(StringComparer.Ordinal);
        foreach (var slot in new[] { 0, 1, 2, 3, 4 })
        {
            chains.Append("k", slot);
        }

        chains.Remove("k", 0);
        chains.Remove("k", 2);
        chains.Remove("k", 4);
        chains.Append("k", 5);

        Assert.Equal([1, 3, 5], Walk(chains, "k"));
        Assert.Equal(-1, chains.First("missing"));
    }

    [Fact]
    public void AppendAndRemove_AnySequence_SameAsOneListPerKey() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(200),
            Prop.ForAll((byte[] operations) =>
            {
                // Each slot is in at most one chain at a time, as a record is under one key per rule.
                var chains = new KeyChains<int>();
                var lists = new Dictionary<int, List<int>>();
                var keyOf = new Dictionary<int, int>();
                foreach (var op in operations)
                {
                    var (slot, key) = (op % 23, op / 23 % 4);
                    if (keyOf.Remove(slot, out var old))
                    {
                        chains.Remove(old, slot);
                        lists[old].Remove(slot);
                    }
                    else
                    {
                        chains.Append(key, slot);
                        (lists.TryGetValue(key, out var list) ? list : lists[key] = []).Add(slot);
                        keyOf[slot] = key;
                    }
                }

                return lists.All(kv => Walk(chains, kv.Key).SequenceEqual(kv.Value))
                    && chains.Count == lists.Count(kv => kv.Value.Count > 0);
            }));

    private static List<int> Walk<TKey>(KeyChains<TKey> chains, TKey key)
        where TKey : notnull
    {
        var slots = new List<int>();
        for (var s = chains.First(key); s != -1; s = chains.Next(s))
        {
            slots.Add(s);
        }

        return slots;
    }
}
