namespace GmConnect.Identity.Index;

/// <summary>
/// The stored documents of the records the start-up restores, copied one after another into large shared blocks: a
/// record holds a slice, not an array of its own. Append-only; one writer (the rebuild's reader), any number of readers
/// of slices already handed out.
/// </summary>
/// <remarks>
/// We copy documents into blocks because two million small arrays, each living as long as the index, were a large share of
/// what the garbage collector copied from generation to generation during the start-up; a block of 4 MB is allocated
/// straight into the large object heap and never moved.
/// </remarks>
internal sealed class DocumentArena
{
    private const int BlockSize = 4 << 20;
    private byte[] _block = [];
    private int _used;

    /// <summary>Room for <paramref name="length"/> bytes at the end of a block; write them, then <see cref="Commit"/>.</summary>
    public Memory<byte> Reserve(int length)
    {
        if (_block.Length - _used < length)
        {
            // A document larger than a block gets a block of its own.
            _block = new byte[Math.Max(BlockSize, length)];
            _used = 0;
        }

        return _block.AsMemory(_used, length);
    }

    /// <summary>Keeps the <paramref name="length"/> bytes just written into the last reservation; returns them.</summary>
    public ReadOnlyMemory<byte> Commit(int length)
    {
        var kept = _block.AsMemory(_used, length);
        _used += length;
        return kept;
    }
}
