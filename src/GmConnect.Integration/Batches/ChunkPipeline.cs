namespace GmConnect.Integration.Batches;

/// <summary>
/// The importers' chunk loop: items are gathered into chunks, and a chunk is read and prepared (parsed) while the
/// one before it is being written, so that on PostgreSQL the server's work and ours overlap (docs/adr/0017). Chunks
/// are still written one after another, in order, each with its own checkpoint: resuming, idempotency and the order
/// of versions are those of a loop that waits for each write.
/// </summary>
internal static class ChunkPipeline
{
    /// <summary>
    /// Runs the loop; returns how many items were read (skipped ones included). <paramref name="write"/> is called
    /// once more at the end with the last, possibly empty, chunk.
    /// </summary>
    /// <param name="items">The file's rows or entries, in order.</param>
    /// <param name="chunkSize">Items per chunk.</param>
    /// <param name="skip">Whether an item was committed by an earlier, interrupted run.</param>
    /// <param name="prepare">The chunk's CPU work that needs nothing from the store; runs while the previous chunk is written.</param>
    /// <param name="write">Writes and commits a chunk with its prepared form.</param>
    /// <param name="written">Told, after each full chunk is committed, how many items had been read up to its end.</param>
    public static async Task<long> RunAsync<TItem, TPrepared>(
        IEnumerable<TItem> items, int chunkSize, Func<TItem, bool> skip, Func<List<TItem>, TPrepared> prepare,
        Func<List<TItem>, TPrepared, Task> write, Action<long> written)
    {
        var chunk = new List<TItem>(chunkSize);
        // Not a comparison with Task.CompletedTask: an async method that finishes synchronously (SQLite) returns that very task.
        var writing = Task.CompletedTask;
        var started = false;
        long read = 0;
        try
        {
            foreach (var item in items)
            {
                read++;
                if (skip(item))
                {
                    continue;
                }

                chunk.Add(item);
                if (chunk.Count == chunkSize)
                {
                    var prepared = prepare(chunk);
                    if (started)
                    {
                        await writing;
                        written(read - chunk.Count);
                    }

                    writing = write(chunk, prepared);
                    started = true;
                    chunk = new List<TItem>(chunkSize);
                }
            }
        }
        catch (Exception) when (!writing.IsCompleted)
        {
            // Never leave a chunk being written on a connection that is about to be closed: let it finish (or fail)
            // first; the exception that stopped the loop is the one to report.
            await Task.WhenAny(writing);
            throw;
        }

        if (started)
        {
            await writing;
            written(read - chunk.Count);
        }

        await write(chunk, prepare(chunk));
        return read;
    }
}
