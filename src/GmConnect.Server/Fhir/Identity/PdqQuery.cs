using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Infrastructure;
using Microsoft.Extensions.Primitives;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>
/// A PDQm (<c>GET /fhir/Patient?…</c>) query as parsed from the request: either one <c>identifier</c>
/// (<c>system|value</c>) or demographics (<c>family</c>, <c>given</c>, <c>birthdate</c>, <c>gender</c>,
/// <c>address-postalcode</c>), exact unless <c>_fuzzy-match=true</c> (the name PDS gives the same switch).
/// Unknown parameters and modifiers are refused with a 400 rather than ignored, so a typo never widens a search.
/// </summary>
internal sealed record PdqQuery(DemographicQuery? Demographics, (string System, string Value)? Identifier)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "family", "given", "birthdate", "gender", "address-postalcode", "identifier", "_fuzzy-match", "_count", "_offset", "_format",
    };

    /// <summary>True when the search used an address (Governance never returns a protected-address person from one).</summary>
    public bool UsesAddress => Demographics?.Postcode is not null;

    public static PdqQuery Parse(IQueryCollection query, int candidateLimit)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var key in query.Keys)
        {
            if (!Known.Contains(key))
            {
                throw FhirRequestException.NotSupported($"Search parameter '{key}' is not supported on Patient (supported: {string.Join(", ", Known.Order(StringComparer.Ordinal))}).");
            }

            if (query[key].Count > 1)
            {
                throw FhirRequestException.NotSupported($"Search parameter '{key}' may appear once.");
            }
        }

        if (Single(query, "identifier") is { } identifier)
        {
            if (query.Keys.Any(k => k is "family" or "given" or "birthdate" or "gender" or "address-postalcode"))
            {
                throw FhirRequestException.NotSupported("Search by identifier cannot be combined with demographics.");
            }

            return new PdqQuery(null, Token(identifier, "identifier"));
        }

        var demographics = new DemographicQuery
        {
            FamilyName = Single(query, "family"),
            GivenName = Single(query, "given"),
            DateOfBirth = Single(query, "birthdate") is { } birthdate ? Date(birthdate) : null,
            Sex = Single(query, "gender") switch
            {
                null => null,
                "male" => "M",
                "female" => "F",
                "unknown" => "U",
                _ => throw FhirRequestException.Invalid("gender must be male, female or unknown."),
            },
            Postcode = Single(query, "address-postalcode"),
            Mode = Single(query, "_fuzzy-match") switch
            {
                null or "false" => SearchMode.Exact,
                "true" => SearchMode.Fuzzy,
                _ => throw FhirRequestException.Invalid("_fuzzy-match must be true or false."),
            },
            Limit = candidateLimit,
        };
        if (demographics is { FamilyName: null, GivenName: null, DateOfBirth: null, Sex: null, Postcode: null })
        {
            throw FhirRequestException.Invalid("Give at least one of family, given, birthdate, gender, address-postalcode or identifier.");
        }

        if (demographics is { FamilyName: null, GivenName: null, DateOfBirth: null, Postcode: null })
        {
            throw FhirRequestException.Invalid("gender alone is not a search: add a name, birthdate or postcode.");
        }

        return new PdqQuery(demographics, null);
    }

    /// <summary>A token <c>system|value</c>; both parts required.</summary>
    public static (string System, string Value) Token(string raw, string parameter)
    {
        var bar = raw.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && bar < raw.Length - 1
            ? (raw[..bar], raw[(bar + 1)..])
            : throw FhirRequestException.Invalid($"{parameter} must be system|value, both given.");
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values is [{ Length: > 0 } value] ? value.Trim() : null;

    private static DateOnly Date(string raw)
    {
        var value = raw.StartsWith("eq", StringComparison.Ordinal) ? raw[2..] : raw;
        if (value.Length > 0 && char.IsAsciiLetter(value[0]))
        {
            throw FhirRequestException.NotSupported("birthdate supports exact dates only (no prefix other than eq).");
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw FhirRequestException.Invalid("birthdate must be a full date, YYYY-MM-DD.");
    }
}
