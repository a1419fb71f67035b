namespace GmConnect.Locator.Storage;

/// <summary>Instants as Unix microseconds, the precision both databases keep exactly.</summary>
internal static class SqlTime
{
    public static long Micros(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
