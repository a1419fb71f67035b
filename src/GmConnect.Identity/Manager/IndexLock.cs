namespace GmConnect.Identity.Manager;

/// <summary>
/// Guards the in-memory index: many readers at once, or the one writer. Writers are already one at a time (the
/// manager's gate), so this lock needs no queue of writers: a writer announces itself, new readers wait from then on,
/// and it enters once the readers inside have left. Asynchronous, as a writer holds it across awaits (a batch from its
/// first change to the index until its commit), which <see cref="ReaderWriterLockSlim"/>, being tied to a thread,
/// does not allow.
/// </summary>
/// <remarks>
/// We keep the writer's hold short: a submit matches against the index and writes to the store while readers go on
/// (both only read the index), and takes the lock only to apply its change once the store has committed. Readers never
/// see a change half applied, nor one the store has not committed.
/// </remarks>
internal sealed class IndexLock
{
    private readonly Lock _sync = new();
    private int _readers;
    private int _waiting;
    private bool _writer;
    private TaskCompletionSource? _drained;
    private TaskCompletionSource _open = Opened();

    /// <summary>Readers inside now (for tests).</summary>
    internal int Readers
    {
        get
        {
            lock (_sync)
            {
                return _readers;
            }
        }
    }

    /// <summary>Enters as a reader (at once unless a writer holds or waits for the lock); dispose to leave.</summary>
    public ValueTask<Reading> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (!_writer)
            {
                _readers++;
                return ValueTask.FromResult(new Reading(this));
            }
        }

        return WaitToReadAsync(cancellationToken);
    }

    /// <summary>
    /// Enters as the writer once the readers inside have left; dispose to leave. Only the holder of the manager's gate
    /// calls this, so a call while the lock is already held comes from the same writer (a bulk load that submits
    /// batches): it enters at once and leaves nothing on dispose. Not cancellable: a writer asks for the lock to apply
    /// a change the store has already committed.
    /// </summary>
    public async ValueTask<Writing> WriteAsync()
    {
        Task? drained = null;
        lock (_sync)
        {
            if (_writer)
            {
                return default;
            }

            _writer = true;
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_readers > 0)
            {
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                drained = _drained.Task;
            }
        }

        if (drained is not null)
        {
            await drained.ConfigureAwait(false);
        }

        return new Writing(this);
    }

    private async ValueTask<Reading> WaitToReadAsync(CancellationToken cancellationToken)
    {
        Task open;
        lock (_sync)
        {
            if (!_writer)
            {
                _readers++;
                return new Reading(this);
            }

            _waiting++;
            open = _open.Task;
        }

        try
        {
            await open.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_sync)
            {
                if (!open.IsCompleted)
                {
                    _waiting--;
                    throw;
                }
            }

            // Let in as the writer left, just as the wait was cancelled: leave again.
            ExitRead();
            throw;
        }

        // The writer counted us in as it left (see ExitWrite).
        return new Reading(this);
    }

    private void ExitRead()
    {
        TaskCompletionSource? drained = null;
        lock (_sync)
        {
            _readers--;
            if (_readers == 0 && _drained is not null)
            {
                drained = _drained;
                _drained = null;
            }
        }

        drained?.TrySetResult();
    }

    private void ExitWrite()
    {
        lock (_sync)
        {
            // The readers that waited are let in now, counted here rather than when each wakes up: else the next writer
            // (a client sending batch after batch) could announce itself before they run, and they would wait again.
            // Completed under the lock (continuations run asynchronously), so a cancelled waiter can tell whether it was let in.
            _writer = false;
            _readers += _waiting;
            _waiting = 0;
            _open.TrySetResult();
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }

    /// <summary>A reader's hold on the lock.</summary>
    public readonly struct Reading(IndexLock owner) : IDisposable
    {
        public void Dispose() => owner.ExitRead();
    }

    /// <summary>The writer's hold on the lock (default: a nested hold, which leaves nothing).</summary>
    public readonly struct Writing(IndexLock owner) : IDisposable
    {
        public void Dispose() => owner?.ExitWrite();
    }
}
