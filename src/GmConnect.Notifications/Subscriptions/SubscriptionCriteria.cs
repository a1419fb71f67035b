using System.Diagnostics.CodeAnalysis;

namespace GmConnect.Notifications.Subscriptions;

/// <summary>
/// What a subscription watches, from its FHIR criteria string: one person
/// (<c>DocumentReference?subject:identifier=system|value</c>) or record types
/// (<c>DocumentReference?type=code[,code…]</c>, a code optionally as <c>urn:gmconnect:record-type|code</c>).
/// </summary>
/// <param name="Text">The criteria as given.</param>
/// <param name="SubjectSystem">For a person: the identifier's system.</param>
/// <param name="SubjectValue">For a person: the identifier's value.</param>
/// <param name="RecordTypes">For record types: the codes.</param>
public sealed record SubscriptionCriteria(string Text, string? SubjectSystem, string? SubjectValue, IReadOnlyList<string> RecordTypes)
{
    /// <summary>The system of record type codes.</summary>
    public const string RecordTypeSystem = "urn:gmconnect:record-type";

    /// <summary>True when the subscription is on one person.</summary>
    public bool IsPerson => SubjectValue is not null;

    /// <summary>Parses criteria; false with a reason (naming the parameter, never a value) when unsupported.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SubscriptionCriteria? criteria, [NotNullWhen(false)] out string? problem)
    {
        criteria = null;
        const string prefix = "DocumentReference?";
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith(prefix, StringComparison.Ordinal))
        {
            problem = "Criteria must start with 'DocumentReference?'.";
            return false;
        }

        var query = text[prefix.Length..].Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (query.Length != 1 || query[0].Split('=', 2) is not [var name, var value] || value.Length == 0)
        {
            problem = "Criteria must have exactly one parameter: 'subject:identifier' or 'type'.";
            return false;
        }

        value = Uri.UnescapeDataString(value);
        switch (name)
        {
            case "subject:identifier" when value.Split('|') is [var system, var id] && system.Length > 0 && id.Length > 0:
                criteria = new SubscriptionCriteria(text, system, id, []);
                problem = null;
                return true;
            case "subject:identifier":
                problem = "'subject:identifier' must be 'system|value'.";
                return false;
            case "type":
                var codes = new List<string>();
                foreach (var token in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var parts = token.Split('|');
                    if (parts.Length > 2 || (parts.Length == 2 && parts[0].Length > 0 && parts[0] != RecordTypeSystem) || parts[^1].Length == 0)
                    {
                        problem = $"'type' takes record type codes, optionally as '{RecordTypeSystem}|code'.";
                        return false;
                    }

                    codes.Add(parts[^1]);
                }

                criteria = new SubscriptionCriteria(text, null, null, codes.Distinct(StringComparer.Ordinal).ToList());
                problem = null;
                return true;
            default:
                problem = $"Unsupported criteria parameter '{name}': use 'subject:identifier' or 'type'.";
                return false;
        }
    }
}
