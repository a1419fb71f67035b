namespace GmConnect.Governance.Decisions;

/// <summary>
/// Turns the injected clock into the region's calendar day. Agreement and involvement dates are days in the UK,
/// so "expires on 31 March" means until midnight in London, not in UTC.
/// </summary>
internal sealed class RegionalClock
{
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;

    public RegionalClock(TimeProvider time, string timeZoneId)
    {
        _time = time;
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public TimeProvider Time => _time;

    public DateTimeOffset Now => _time.GetUtcNow();

    public DateOnly Today(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);
}
