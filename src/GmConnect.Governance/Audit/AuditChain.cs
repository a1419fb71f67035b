using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace GmConnect.Governance.Audit;

/// <summary>
/// The hash chain. Each entry's hash is SHA-256 over a canonical JSON form of its sequence, id, time, record and
/// the previous entry's hash, so a change to any field, a deletion or a reordering breaks the chain at that point.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Seals a record into an entry that follows <paramref name="previousHash"/>.</summary>
    public static AuditEntry Seal(AuditRecord record, long sequence, string id, DateTimeOffset recorded, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var at = TruncateToMicroseconds(recorded);
        return new AuditEntry(sequence, id, at, record, previousHash, ComputeHash(sequence, id, at, record, previousHash));
    }

    /// <summary>Recomputes the hash an entry should carry.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ComputeHash(entry.Sequence, entry.Id, entry.Recorded, entry.Record, entry.PreviousHash);
    }

    /// <summary>The canonical UTF-8 JSON form that is hashed (also useful to show an IG officer what was signed).</summary>
    public static byte[] Canonical(long sequence, string id, DateTimeOffset recorded, AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", sequence);
            json.WriteString("id", id);
            json.WriteString("recorded", FormatInstant(recorded));
            json.WriteString("type", record.EventType.ToCode());
            json.WriteString("outcome", record.Outcome);
            json.WriteString("practitioner", record.PractitionerId);
            json.WriteString("organisation", record.OrganisationId);
            json.WriteString("role", record.Role);
            json.WriteString("purpose", record.Purpose);
            json.WriteString("request", record.RequestId);
            json.WriteStartArray("persons");
            foreach (var person in record.PersonIds)
            {
                json.WriteStringValue(person);
            }

            json.WriteEndArray();
            json.WriteStartArray("resources");
            foreach (var resource in record.Resources)
            {
                json.WriteStartObject();
                json.WriteString("id", resource.ResourceId);
                json.WriteString("person", resource.PersonId);
                json.WriteString("custodian", resource.CustodianId);
                json.WriteString("category", resource.Category);
                json.WriteString("outcome", resource.Outcome);
                json.WriteStartArray("reasons");
                foreach (var reason in resource.Reasons)
                {
                    json.WriteStringValue(reason);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("withheld", record.WithheldCount);
            json.WriteString("breakGlass", record.BreakGlassSessionId);
            json.WriteString("detail", record.Detail);
            json.WriteString("previous", previousHash);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Truncates an instant to whole microseconds in UTC, the precision every store keeps.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>Microseconds since the Unix epoch, as stores keep them.</summary>
    public static long ToUnixMicroseconds(DateTimeOffset instant) =>
        (instant.ToUniversalTime().Ticks - DateTimeOffset.UnixEpoch.Ticks) / 10;

    /// <summary>The inverse of <see cref="ToUnixMicroseconds"/>.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.Ticks + (microseconds * 10), TimeSpan.Zero);

    private static string ComputeHash(long sequence, string id, DateTimeOffset recorded, AuditRecord record, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(sequence, id, recorded, record, previousHash)));

    private static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
