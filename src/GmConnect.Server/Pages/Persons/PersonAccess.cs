using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Identity.Manager;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// How the person pages put identity data through Governance: each source record's demographics are category
/// <c>demographics</c>, held by the source's organisation, about the person it is linked to. <see cref="AccessGate"/>
/// decides every record before anything is counted or shown, and audits the look.
/// </summary>
internal static class PersonAccess
{
    public const string Category = "demographics";

    /// <summary>The custodian organisation of a source (<c>gp:P84001</c> → <c>ods:P84001</c>, <c>la:352:socialcare</c> → <c>dfe:352</c>).</summary>
    // The FHIR API (branch fhir, Fhir/Identity/SourceCustodians) maps sources the same way; one of the two should
    // move to a shared place when both are merged.
    public static string CustodianOf(string source)
    {
        var parts = source.Split(':');
        return parts switch
        {
            ["gp" or "acute", { Length: > 0 } ods, ..] => "ods:" + ods.ToUpperInvariant(),
            ["la", { Length: 3 } la, ..] when la.All(char.IsAsciiDigit) => "dfe:" + la,
            ["housing", "la", { Length: 3 } la, ..] when la.All(char.IsAsciiDigit) => "dfe:" + la,
            ["police", "gmp"] => "police:06",
            ["victim-support"] => "gmc:victim-services",
            _ => "gmc:source:" + source,
        };
    }

    public static GovernedResource ResourceOf(LinkedRecord record) =>
        new("identity/" + record.Record.Source + "/" + record.Record.RecordId, record.PersonId, CustodianOf(record.Record.Source), Category);

    public static Task<FilterResult<T>> FilterAsync<T>(
        AccessGate gate, AccessRequest request, IReadOnlyList<T> items, Func<T, LinkedRecord> recordOf, QueryKind kind, CancellationToken cancellationToken) =>
        gate.FilterAsync(request, [.. items.Select(i => new Candidate<T>(i, ResourceOf(recordOf(i))))], kind, PageRequest.All, cancellationToken);

    /// <summary>True when the decision removes the address (a protected address).</summary>
    public static bool HidesAddress(Decision decision) => decision.RedactedFields.Contains("address");

    /// <summary>The plain line for what was withheld, e.g. "2 records withheld: no sharing agreement for this purpose".</summary>
    public static string? WithheldLine(IReadOnlyDictionary<ReasonCategory, int> withheld, string noun)
    {
        var total = withheld.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var reasons = withheld.OrderByDescending(w => w.Value).Select(w => w.Key switch
        {
            ReasonCategory.Agreement => "no sharing agreement in force for this purpose",
            ReasonCategory.Relationship => "your organisation has no current involvement with the person",
            ReasonCategory.Objection => "the person has objected",
            ReasonCategory.Sensitivity => "the records are restricted",
            ReasonCategory.Basis => "no lawful basis for this purpose",
            ReasonCategory.Requester => "your role may not see them for this purpose",
            _ => w.Key.ToString(),
        });
        return $"{total} {noun}{(total == 1 ? "" : "s")} withheld: {string.Join("; ", reasons)}";
    }
}
