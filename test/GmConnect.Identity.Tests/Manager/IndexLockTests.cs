using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>The index's reader/writer lock: readers together, the writer alone, and no reader slipping in past a waiting writer.</summary>
public sealed class IndexLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_TwoReaders_BothInsideAtOnce()
    {
        var gate = new IndexLock();

        using var first = await gate.ReadAsync(Ct);
        using var second = await gate.ReadAsync(Ct);

        Assert.Equal(2, gate.Readers);
    }

    [Fact]
    public async Task Write_ReaderInside_WriterWaitsAndLaterReadersWaitBehindIt()
    {
        var gate = new IndexLock();
        var inside = await gate.ReadAsync(Ct);

        var writing = gate.WriteAsync().AsTask();
        var later = gate.ReadAsync(Ct).AsTask();
        await Task.Delay(50, Ct);
        Assert.False(writing.IsCompleted);
        Assert.False(later.IsCompleted);

        inside.Dispose();
        var writer = await writing.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await Task.Delay(50, Ct);
        Assert.False(later.IsCompleted);
        Assert.Equal(0, gate.Readers);

        writer.Dispose();
        using var reader = await later.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(1, gate.Readers);
    }

    [Fact]
    public async Task Write_HeldAlready_NestedHoldEntersAtOnceAndLeavesTheOuterHeld()
    {
        var gate = new IndexLock();
        var outer = await gate.WriteAsync();

        var nested = gate.WriteAsync();
        Assert.True(nested.IsCompleted);
        (await nested).Dispose();
        var reader = gate.ReadAsync(Ct).AsTask();
        await Task.Delay(50, Ct);
        Assert.False(reader.IsCompleted);

        outer.Dispose();
        (await reader.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task Write_LeavesWithReadersWaiting_TheyAreInBeforeTheNextWriterAnnouncesItself()
    {
        var gate = new IndexLock();
        var first = await gate.WriteAsync();
        var waiting = gate.ReadAsync(Ct).AsTask();

        first.Dispose();
        var next = gate.WriteAsync().AsTask();

        Assert.Equal(1, gate.Readers);
        Assert.False(next.IsCompleted);
        (await waiting.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task Read_CancelledWhileWriterHolds_ThrowsAndCountsNoReader()
    {
        var gate = new IndexLock();
        var writer = await gate.WriteAsync();
        using var cancel = new CancellationTokenSource();

        var reader = gate.ReadAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader);
        writer.Dispose();
        Assert.Equal(0, gate.Readers);
        using var after = await gate.ReadAsync(Ct);
        Assert.Equal(1, gate.Readers);
    }
}
