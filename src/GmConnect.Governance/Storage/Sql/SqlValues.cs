using System.Data.Common;
using System.Globalization;

namespace GmConnect.Governance.Storage.Sql;

/// <summary>Conversions between column values and domain values, the same for SQLite and PostgreSQL.</summary>
internal static class SqlValues
{
    public static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Long(reader, ordinal);

    public static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static long Micros(DateTimeOffset instant) => Audit.AuditChain.ToUnixMicroseconds(instant);

    public static DateTimeOffset Instant(long micros) => Audit.AuditChain.FromUnixMicroseconds(micros);
}
