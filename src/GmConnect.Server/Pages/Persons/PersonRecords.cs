using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// The second part of a person's page: the records that exist about them (Locator pointers) and who is involved,
/// each decided by Governance (<see cref="PointerFinder"/> and <see cref="InvolvementRegister"/> filter through
/// <see cref="AccessGate"/>, which audits the search), what was withheld by reason and organisation, and the
/// practitioner's break-glass state on the person.
/// </summary>
/// <param name="Records">The records the practitioner may see.</param>
/// <param name="RecordsTotal">How many they may see in all (the page shows up to <see cref="Limit"/>).</param>
/// <param name="RecordsWithheld">Withheld records, by reason category and custodian.</param>
/// <param name="Involvements">Involvements the practitioner may see, current first.</param>
/// <param name="InvolvementsWithheld">Withheld involvements, by reason category and organisation.</param>
/// <param name="BreakGlass">The practitioner's break-glass session on the person in force now, if any.</param>
/// <param name="MayBreakGlass">True when something withheld could be opened by break-glass and this role and purpose may use it.</param>
public sealed record PersonRecords(
    IReadOnlyList<PermittedItem<RecordPointer>> Records,
    int RecordsTotal,
    IReadOnlyList<WithheldGroup> RecordsWithheld,
    IReadOnlyList<PermittedItem<InvolvementRecord>> Involvements,
    IReadOnlyList<WithheldGroup> InvolvementsWithheld,
    BreakGlassSession? BreakGlass,
    bool MayBreakGlass)
{
    public const int Limit = 100;

    internal static async Task<PersonRecords> LoadAsync(
        PointerFinder finder, InvolvementRegister involvements, BreakGlassService breakGlass, AccessRequest request,
        string personId, SubjectIdentifier subject, DateOnly today, CancellationToken cancellationToken)
    {
        var pointers = await finder.SearchAsync(request, new PointerQuery { Subject = subject, Count = Limit }, cancellationToken);
        var involved = await involvements.ListAsync(request, subject, cancellationToken);
        var session = await breakGlass.ActiveAsync(request, personId, cancellationToken);
        var pointerGroups = pointers.WithheldGroups ?? [];
        var overridable = pointerGroups.Sum(g => g.BreakGlassMayOverride) + involved.BreakGlassMayOverride;
        return new PersonRecords(
            [.. pointers.Items.OrderByDescending(p => p.Item.PeriodStart).ThenBy(p => p.Item.Type, StringComparer.Ordinal)],
            pointers.Total,
            pointerGroups,
            [.. involved.Items.OrderByDescending(i => i.Item.IsCurrent(today)).ThenByDescending(i => i.Item.Start)],
            involved.WithheldGroups,
            session,
            session is null && overridable > 0 && breakGlass.MayBreakGlass(request));
    }

    /// <summary>
    /// The plain lines for what was withheld, one per reason and organisation, e.g. "2 records withheld: no sharing
    /// agreement with Greater Manchester Police for this purpose". Never which records, never what they were.
    /// </summary>
    public static IReadOnlyList<string> WithheldLines(IReadOnlyList<WithheldGroup> groups, string noun, Func<string, string> organisationName) =>
        [.. groups.Select(g =>
        {
            var org = organisationName(g.CustodianId);
            var why = g.Category switch
            {
                ReasonCategory.Agreement => $"no sharing agreement with {org} for this purpose",
                ReasonCategory.Relationship => $"held by {org}; your organisation has no current involvement with this person",
                ReasonCategory.Objection => $"held by {org}; the person has objected to sharing, or not consented",
                ReasonCategory.Sensitivity => $"held by {org}; restricted",
                ReasonCategory.Requester => $"held by {org}; your role may not see them for this purpose",
                _ => $"held by {org}",
            };
            return $"{g.Count} {noun}{(g.Count == 1 ? "" : "s")} withheld: {why}";
        })];
}
