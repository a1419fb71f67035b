using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Identity;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// How the person pages put identity data through Governance: each source record's demographics are category
/// <c>demographics</c>, held by the source's organisation, about the person it is linked to. <see cref="AccessGate"/>
/// decides every record before anything is counted or shown, and audits the look.
/// </summary>
internal static class PersonAccess
{
    public const string Category = "demographics";

    public static GovernedResource ResourceOf(LinkedRecord record) =>
        new("identity/" + record.Record.Source + "/" + record.Record.RecordId, record.PersonId, SourceCustodians.Of(record.Record.Source), Category);

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
