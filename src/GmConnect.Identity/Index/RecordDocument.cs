using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Matching;

namespace GmConnect.Identity.Index;

/// <summary>
/// A source record as stored: a JSON document of its fields exactly as received (no normalisation), and a
/// content hash over it so that the same content sent twice is recognised.
/// </summary>
internal static class RecordDocument
{
    public static string ToJson(IdentityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("source", record.Source);
            json.WriteString("record_id", record.RecordId);
            Write(json, "nhs_number", record.NhsNumber);
            Write(json, "upn", record.Upn);
            Write(json, "nino", record.Nino);
            Write(json, "pnc_id", record.PncId);
            Write(json, "given_name", record.GivenName);
            Write(json, "middle_names", record.MiddleNames);
            Write(json, "family_name", record.FamilyName);
            Write(json, "sex", record.Sex);
            Write(json, "date_of_birth", Day(record.DateOfBirth));
            Write(json, "postcode", record.Postcode);
            Write(json, "address", record.Address);
            Write(json, "phone", record.Phone);
            Write(json, "email", record.Email);
            Write(json, "recorded_on", Day(record.RecordedOn));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IdentityRecord FromJson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return FromJson(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a stored document from its UTF-8 bytes (as the start-up rebuild keeps them).</summary>
    public static IdentityRecord FromJson(ReadOnlySpan<byte> utf8)
    {
        // A forward-only read (no document tree), property names matched as bytes.
        string? source = null, recordId = null, nhs = null, upn = null, nino = null, pnc = null, given = null, middle = null,
            family = null, sex = null, dob = null, postcode = null, address = null, phone = null, email = null, recorded = null;
        var json = new Utf8JsonReader(utf8);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("A stored record is not a JSON object.");
        }

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json;
            json.Read();
            if (json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                json.Skip();
                continue;
            }

            var value = json.TokenType == JsonTokenType.String ? json.GetString() : null;
            if (name.ValueTextEquals("source"u8)) { source = value; }
            else if (name.ValueTextEquals("record_id"u8)) { recordId = value; }
            else if (name.ValueTextEquals("nhs_number"u8)) { nhs = value; }
            else if (name.ValueTextEquals("upn"u8)) { upn = value; }
            else if (name.ValueTextEquals("nino"u8)) { nino = value; }
            else if (name.ValueTextEquals("pnc_id"u8)) { pnc = value; }
            else if (name.ValueTextEquals("given_name"u8)) { given = value; }
            else if (name.ValueTextEquals("middle_names"u8)) { middle = value; }
            else if (name.ValueTextEquals("family_name"u8)) { family = value; }
            else if (name.ValueTextEquals("sex"u8)) { sex = value; }
            else if (name.ValueTextEquals("date_of_birth"u8)) { dob = value; }
            else if (name.ValueTextEquals("postcode"u8)) { postcode = value; }
            else if (name.ValueTextEquals("address"u8)) { address = value; }
            else if (name.ValueTextEquals("phone"u8)) { phone = value; }
            else if (name.ValueTextEquals("email"u8)) { email = value; }
            else if (name.ValueTextEquals("recorded_on"u8)) { recorded = value; }
        }

        return new IdentityRecord
        {
            Source = source ?? throw new FormatException("A stored record has no source."),
            RecordId = recordId ?? throw new FormatException("A stored record has no record_id."),
            NhsNumber = nhs,
            Upn = upn,
            Nino = nino,
            PncId = pnc,
            GivenName = given,
            MiddleNames = middle,
            FamilyName = family,
            Sex = sex,
            DateOfBirth = ParseDay(dob),
            Postcode = postcode,
            Address = address,
            Phone = phone,
            Email = email,
            RecordedOn = ParseDay(recorded),
        };
    }

    /// <summary>
    /// The record's identifiers (<see cref="RecordColumns.Identifiers(string, string, string?, string?, string?, string?)"/>)
    /// from its stored document, reading only the four national identifier fields: the start-up rebuild needs them for
    /// every record, and the rest of the document only for the few records that matching or a reader asks for.
    /// </summary>
    public static RecordIdentifier[] Identifiers(SourceRecordKey key, ReadOnlySpan<byte> utf8)
    {
        string? nhs = null, upn = null, nino = null, pnc = null;
        var json = new Utf8JsonReader(utf8);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("A stored record is not a JSON object.");
        }

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json;
            json.Read();
            if (json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                json.Skip();
            }
            else if (json.TokenType == JsonTokenType.String)
            {
                if (name.ValueTextEquals("nhs_number"u8)) { nhs = json.GetString(); }
                else if (name.ValueTextEquals("upn"u8)) { upn = json.GetString(); }
                else if (name.ValueTextEquals("nino"u8)) { nino = json.GetString(); }
                else if (name.ValueTextEquals("pnc_id"u8)) { pnc = json.GetString(); }
            }
        }

        return RecordColumns.Identifiers(key.Source, key.RecordId, nhs, upn, nino, pnc);
    }

    /// <summary>SHA-256 of the document, hex.</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>SHA-256 of the document as stored (UTF-8 bytes), hex: the same as <see cref="Hash(string)"/> of its text.</summary>
    public static string Hash(ReadOnlySpan<byte> utf8) => Convert.ToHexStringLower(SHA256.HashData(utf8));

    private static void Write(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
