using System.Text;
using GmConnect.Identity.Manager;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>
/// Stable, URL-safe, reversible FHIR ids. A Patient's id is its source record key <c>source|record_id</c> with
/// every byte outside <c>[A-Za-z0-9.]</c> written as <c>-XX</c> (upper-case hex of its UTF-8 byte), e.g.
/// <c>gp:P84001|123</c> → <c>gp-3AP84001-7C123</c>. The same escaping turns a person id into a Person id. No
/// lookup table: the id is the key. (Keys longer than about 40 characters give ids past FHIR's 64-character
/// limit; the demo's and the shipped sources' keys are far shorter.)
/// </summary>
internal static class FhirIds
{
    /// <summary>The Patient id of a source record.</summary>
    public static string ForRecord(SourceRecordKey key) => Escape(key.Source + "|" + key.RecordId);

    /// <summary>The source record key a Patient id names, or null when it is not one of ours.</summary>
    public static SourceRecordKey? ToRecordKey(string id)
    {
        var raw = Unescape(id);
        var bar = raw?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return raw is null || bar <= 0 || bar == raw.Length - 1 ? null : new SourceRecordKey(raw[..bar], raw[(bar + 1)..]);
    }

    /// <summary>The Person id of a person.</summary>
    public static string ForPerson(string personId) => Escape(personId);

    /// <summary>The person id a Person id names, or null.</summary>
    public static string? ToPersonId(string id) => Unescape(id) is { Length: > 0 } personId ? personId : null;

    internal static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('-').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>; null for anything it could not have produced.</summary>
    internal static string? Unescape(string id)
    {
        var bytes = new List<byte>(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c == '-')
            {
                if (i + 2 >= id.Length
                    || !byte.TryParse(id.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var b)
                    || char.IsLower(id[i + 1]) || char.IsLower(id[i + 2]))
                {
                    return null;
                }

                bytes.Add(b);
                i += 2;
            }
            else if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.')
            {
                bytes.Add((byte)c);
            }
            else
            {
                return null;
            }
        }

        try
        {
            var value = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            // Canonical form only: one key, one id.
            return string.Equals(Escape(value), id, StringComparison.Ordinal) ? value : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
