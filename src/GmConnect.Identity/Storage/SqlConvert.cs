using System.Data.Common;
using System.Globalization;
using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Storage;

/// <summary>Column values to domain values and back, the same on SQLite and PostgreSQL.</summary>
internal static class SqlConvert
{
    public static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Long(reader, ordinal);

    public static double? NullableDouble(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? String(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Unix microseconds: both databases keep them exactly.</summary>
    public static long Micros(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset Instant(long micros) => new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);

    public static string MethodName(LinkMethod method) => method switch
    {
        LinkMethod.Founding => "founding",
        LinkMethod.Automatic => "automatic",
        LinkMethod.Batch => "batch",
        _ => "manual",
    };

    public static LinkMethod ParseMethod(string text) => text switch
    {
        "founding" => LinkMethod.Founding,
        "automatic" => LinkMethod.Automatic,
        "batch" => LinkMethod.Batch,
        "manual" => LinkMethod.Manual,
        _ => throw new FormatException($"Unknown link method '{text}' in the store."),
    };

    public static string KindName(HistoryKind kind) => kind.ToString();

    public static HistoryKind ParseKind(string text) => Enum.Parse<HistoryKind>(text);

    public static string StatusName(ReviewStatus status) => status.ToString();

    public static ReviewStatus ParseStatus(string text) => Enum.Parse<ReviewStatus>(text);
}
