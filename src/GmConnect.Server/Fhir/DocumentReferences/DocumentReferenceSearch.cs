using System.Globalization;
using GmConnect.Locator.Pointers;
using GmConnect.Server.Fhir.Infrastructure;
using Microsoft.Extensions.Primitives;

namespace GmConnect.Server.Fhir.DocumentReferences;

/// <summary>
/// Reads a DocumentReference search from the query string (GET) or a form body (POST <c>_search</c>, which keeps
/// identifiers out of URLs and logs). Unknown parameters are refused, so that a misspelt filter cannot silently
/// widen a search.
/// </summary>
internal static class DocumentReferenceSearch
{
    private static readonly string[] Known =
        ["subject:identifier", "subject.identifier", "type", "category", "custodian", "custodian:identifier", "period", "_count", "_offset", "_format"];

    public static async Task<PointerQuery> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value;
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                parameters[key] = parameters.TryGetValue(key, out var existing) ? StringValues.Concat(existing, value) : value;
            }
        }

        if (parameters.Keys.FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw FhirRequestException.NotSupported($"Search parameter '{unknown}' is not supported on DocumentReference (supported: {string.Join(", ", Known)}).");
        }

        var subjects = Values(parameters, "subject:identifier").Concat(Values(parameters, "subject.identifier")).ToList();
        if (subjects.Count != 1 || SubjectIdentifier.TryParse(subjects[0]) is not { } subject)
        {
            throw FhirRequestException.Invalid("subject:identifier is required, once, as system|value (one person per search).");
        }

        DateOnly? from = null, to = null;
        foreach (var period in Values(parameters, "period"))
        {
            var (prefix, raw) = period.Length > 2 && char.IsLetter(period[0]) ? (period[..2], period[2..]) : ("eq", period);
            if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw FhirRequestException.Invalid("period must be a date (YYYY-MM-DD) with an optional prefix ge, gt, le, lt or eq.");
            }

            switch (prefix)
            {
                case "ge": from = day; break;
                case "gt": from = day.AddDays(1); break;
                case "le": to = day; break;
                case "lt": to = day.AddDays(-1); break;
                case "eq": from = day; to = day; break;
                default: throw FhirRequestException.NotSupported("period prefixes supported: ge, gt, le, lt, eq.");
            }
        }

        var offset = Int(parameters, "_offset", 0);
        var count = Math.Min(Int(parameters, "_count", FhirBundles.DefaultCount), FhirBundles.MaxCount);
        return new PointerQuery
        {
            Subject = subject,
            Types = [.. Tokens(parameters, "type", DocumentReferenceMapping.TypeSystem)],
            Categories = [.. Tokens(parameters, "category", DocumentReferenceMapping.CategorySystem)],
            Custodians = [.. Tokens(parameters, "custodian", DocumentReferenceMapping.OrganisationSystem), .. Tokens(parameters, "custodian:identifier", DocumentReferenceMapping.OrganisationSystem)],
            PeriodFrom = from,
            PeriodTo = to,
            Offset = offset,
            Count = count,
        };
    }

    private static IEnumerable<string> Values(Dictionary<string, StringValues> parameters, string name) =>
        parameters.TryGetValue(name, out var values)
            ? values.Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(v => v!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            : [];

    /// <summary>Token values: <c>code</c> or <c>system|code</c> (the system must be ours).</summary>
    private static IEnumerable<string> Tokens(Dictionary<string, StringValues> parameters, string name, string system)
    {
        foreach (var value in Values(parameters, name))
        {
            var bar = value.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
            {
                yield return value;
            }
            else if (bar == 0 || string.Equals(value[..bar], system, StringComparison.Ordinal))
            {
                yield return value[(bar + 1)..];
            }
            else
            {
                throw FhirRequestException.Invalid($"{name}: the system must be {system}.");
            }
        }
    }

    private static int Int(Dictionary<string, StringValues> parameters, string name, int fallback)
    {
        var raw = Values(parameters, name).LastOrDefault();
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (name != "_count" || value > 0)
            ? value
            : throw FhirRequestException.Invalid($"{name} must be a whole number{(name == "_count" ? " above zero" : " of zero or more")}.");
    }
}
