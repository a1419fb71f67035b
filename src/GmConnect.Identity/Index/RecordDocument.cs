using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GmConnect.Identity.Manager;

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
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new IdentityRecord
        {
            Source = Get("source") ?? throw new FormatException("A stored record has no source."),
            RecordId = Get("record_id") ?? throw new FormatException("A stored record has no record_id."),
            NhsNumber = Get("nhs_number"),
            Upn = Get("upn"),
            Nino = Get("nino"),
            PncId = Get("pnc_id"),
            GivenName = Get("given_name"),
            MiddleNames = Get("middle_names"),
            FamilyName = Get("family_name"),
            Sex = Get("sex"),
            DateOfBirth = ParseDay(Get("date_of_birth")),
            Postcode = Get("postcode"),
            Address = Get("address"),
            Phone = Get("phone"),
            Email = Get("email"),
            RecordedOn = ParseDay(Get("recorded_on")),
        };
    }

    /// <summary>SHA-256 of the document, hex.</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

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
