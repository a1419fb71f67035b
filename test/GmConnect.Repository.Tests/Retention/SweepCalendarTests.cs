using GmConnect.Repository.Retention;
using GmConnect.Storage;

namespace GmConnect.Repository.Tests.Retention;

/// <summary>Expiry is judged on the London calendar day, across midnight and summer time.</summary>
public sealed class SweepCalendarTests : IAsyncLifetime
{
    private TestRepository _repo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _repo = await TestRepository.StartAsync(StoreProvider.Sqlite);

    public async ValueTask DisposeAsync() => await _repo.DisposeAsync();

    [Theory]
    // Winter (GMT = UTC): kept through 28 November; deletable from midnight.
    [InlineData("2026-11-28T23:59:59Z", 0)]
    [InlineData("2026-11-29T00:00:00Z", 1)]
    public async Task Sweep_AroundMidnightInWinter_DeletesFromTheNextLondonDay(string now, int deleted)
    {
        await PublishClosedAsync(new DateOnly(2018, 11, 28));
        _repo.Time.SetUtcNow(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var result = await _repo.Sweeper.SweepAsync(cancellationToken: Ct);

        Assert.Equal(deleted, result.Deleted);
    }

    [Theory]
    // Summer (BST = UTC+1): 23:30 UTC on 30 June is already 1 July in London.
    [InlineData("2027-06-30T22:59:59Z", 0)]
    [InlineData("2027-06-30T23:00:00Z", 1)]
    public async Task Sweep_AroundMidnightInSummer_UsesLondonTimeNotUtc(string now, int deleted)
    {
        await PublishClosedAsync(new DateOnly(2019, 6, 30));
        _repo.Time.SetUtcNow(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var result = await _repo.Sweeper.SweepAsync(cancellationToken: Ct);

        Assert.Equal(deleted, result.Deleted);
    }

    private async Task PublishClosedAsync(DateOnly closed)
    {
        var request = TestRepository.Plan("case file", dateOfBirth: new DateOnly(1980, 1, 1), retention: RetentionClasses.ClosurePlus8Years) with { LastActivity = closed };
        await _repo.Content.PublishAsync(request, Ct);
    }
}
