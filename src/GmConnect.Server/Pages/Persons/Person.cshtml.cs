using GmConnect.Governance.Administration;
using GmConnect.Governance.Api;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Identity.Manager;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// A person's page, first part: their identities across sources — which organisation knows them under which
/// identifier — each record decided by Governance and the look audited. What was withheld is one plain line.
/// The records that exist about them (pointers), involvements and break-glass come with the Record Locator.
/// </summary>
[Authorize]
public sealed class PersonModel(IIdentityManager identity, AccessGate gate, GovernanceAdministration governance) : PageModel
{
    public string PersonId { get; private set; } = "";

    public string? MergedInto { get; private set; }

    public IReadOnlyList<PermittedItem<LinkedRecord>> Records { get; private set; } = [];

    public string? Withheld { get; private set; }

    public IReadOnlyDictionary<string, string> OrganisationNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string personId, CancellationToken cancellationToken)
    {
        PersonId = personId;
        if (GovernanceClaims.RequestOf(User, AccessAction.Read, HttpContext.TraceIdentifier) is not { } request)
        {
            return Forbid();
        }

        var person = await identity.GetPersonAsync(personId, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        MergedInto = person.MergedInto;
        var filtered = await PersonAccess.FilterAsync(gate, request, person.Records, r => r, QueryKind.ByPerson, cancellationToken);
        // A person none of whose records may be shown is not shown at all: as if unknown, unless merged away.
        if (filtered.Items.Count == 0 && person.MergedInto is null)
        {
            return NotFound();
        }

        Records = filtered.Items;
        Withheld = PersonAccess.WithheldLine(filtered.Withheld, "record");
        OrganisationNames = governance.Organisations.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        return Page();
    }

    /// <summary>An identifier's system in words.</summary>
    public static string SystemName(string system) => system switch
    {
        IdentifierSystems.NhsNumber => "NHS number",
        IdentifierSystems.Upn => "Unique pupil number",
        IdentifierSystems.Nino => "National Insurance number",
        IdentifierSystems.PncId => "PNC ID",
        _ when system.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal) => "Record ID at " + system[IdentifierSystems.SourceRecord.Length..],
        _ => system,
    };
}
