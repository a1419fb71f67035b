using System.Runtime.InteropServices;

namespace GmConnect.Identity.Index;

/// <summary>
/// A multimap from a key to record slots in the order they were added, without a list per key: each key holds
/// the first and last slot of its chain and each slot the next slot with the same key. A record is in at most
/// one chain of a map. We keep it this way because at millions of records one list per blocking key (most keys
/// hold one or two records) was most of the index's objects and of the start-up's garbage collection.
/// </summary>
internal sealed class KeyChains<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, (int Head, int Tail)> _ends;
    private int[] _next;

    public KeyChains(IEqualityComparer<TKey>? comparer = null, int capacity = 0)
    {
        _ends = new Dictionary<TKey, (int, int)>(capacity, comparer);
        _next = new int[Math.Max(capacity, 16)];
    }

    /// <summary>Distinct keys held.</summary>
    public int Count => _ends.Count;

    /// <summary>Makes room for slots below <paramref name="slots"/> and keys up to <paramref name="keys"/>.</summary>
    public void EnsureCapacity(int slots, int keys)
    {
        if (_next.Length < slots)
        {
            Array.Resize(ref _next, slots);
        }

        _ends.EnsureCapacity(keys);
    }

    /// <summary>Adds the slot at the end of the key's chain.</summary>
    public void Append(TKey key, int slot)
    {
        if (slot >= _next.Length)
        {
            Array.Resize(ref _next, Math.Max(slot + 1, _next.Length * 2));
        }

        _next[slot] = -1;
        ref var ends = ref CollectionsMarshal.GetValueRefOrAddDefault(_ends, key, out var exists);
        if (exists)
        {
            _next[ends.Tail] = slot;
            ends.Tail = slot;
        }
        else
        {
            ends = (slot, slot);
        }
    }

    /// <summary>Removes the slot from the key's chain (nothing when it is not there); a key left empty is dropped.</summary>
    public void Remove(TKey key, int slot)
    {
        if (!_ends.TryGetValue(key, out var ends))
        {
            return;
        }

        int previous = -1, current = ends.Head;
        while (current != -1 && current != slot)
        {
            previous = current;
            current = _next[current];
        }

        if (current == -1)
        {
            return;
        }

        var after = _next[slot];
        if (previous == -1)
        {
            ends.Head = after;
        }
        else
        {
            _next[previous] = after;
        }

        if (ends.Tail == slot)
        {
            ends.Tail = previous;
        }

        if (ends.Head == -1)
        {
            _ends.Remove(key);
        }
        else
        {
            _ends[key] = ends;
        }
    }

    /// <summary>The first slot of the key's chain, or -1.</summary>
    public int First(TKey key) => _ends.TryGetValue(key, out var ends) ? ends.Head : -1;

    /// <summary>The slot after <paramref name="slot"/> in its chain, or -1.</summary>
    public int Next(int slot) => _next[slot];

    /// <summary>Every key with its slots in chain order (for comparing two indexes).</summary>
    public IEnumerable<(TKey Key, List<int> Slots)> All()
    {
        foreach (var (key, ends) in _ends)
        {
            var slots = new List<int>();
            for (var s = ends.Head; s != -1; s = _next[s])
            {
                slots.Add(s);
            }

            yield return (key, slots);
        }
    }
}
