namespace GmConnect.Repository.Retention;

/// <summary>
/// The region's calendar day from the injected clock: retention dates are days in the UK, so content retained
/// "until 31 March" is kept until midnight in London, not in UTC.
/// </summary>
internal sealed class LondonCalendar(TimeProvider time)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public TimeProvider Time => time;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DayOf(time.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
