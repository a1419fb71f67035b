using GmConnect.Governance.Administration;
using GmConnect.Governance.Api;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Governance.BreakGlass;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.RecordTypes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// A person's page: their identities across sources — which organisation knows them under which identifier — the
/// records that exist about them and who is involved (<see cref="PersonRecords"/>), each decided by Governance and
/// the look audited; what was withheld as plain lines by reason and organisation; and break-glass, offered when it
/// could open something and the role may use it, with a banner while a session lasts.
/// </summary>
[Authorize]
public sealed class PersonModel(
    IIdentityManager identity,
    AccessGate gate,
    GovernanceAdministration governance,
    PointerFinder finder,
    InvolvementRegister involvements,
    BreakGlassService breakGlass,
    RecordTypeRegistry types,
    TimeProvider time) : PageModel
{
    /// <summary>The region's clock for days and the banner's time.</summary>
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string PersonId { get; private set; } = "";

    public string? MergedInto { get; private set; }

    public IReadOnlyList<PermittedItem<LinkedRecord>> Records { get; private set; } = [];

    public string? Withheld { get; private set; }

    public IReadOnlyDictionary<string, string> OrganisationNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>Records, involvements and break-glass; null for a person merged into another.</summary>
    public PersonRecords? Held { get; private set; }

    public DateOnly Today { get; private set; }

    public string OrganisationName(string id) => OrganisationNames.GetValueOrDefault(id, id);

    public string TypeName(string code) => types.Find(code)?.Display ?? code;

    /// <summary>A London wall-clock time for people, e.g. "14:05".</summary>
    public static string Clock(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

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
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), London).DateTime);
        if (person.MergedInto is null && SubjectOf(person) is { } subject)
        {
            Held = await PersonRecords.LoadAsync(finder, involvements, breakGlass, request, person.PersonId, subject, Today, cancellationToken);
        }

        return Page();
    }

    /// <summary>
    /// The identifier the Locator searches by: the Locator resolves it to the person and searches under every
    /// identifier the person has, so any one will do; an NHS number when there is one.
    /// </summary>
    internal static SubjectIdentifier? SubjectOf(PersonView person)
    {
        var ids = person.Identifiers.Where(i => i.Valid).ToList();
        var id = ids.FirstOrDefault(i => i.System == IdentifierSystems.NhsNumber) ?? ids.FirstOrDefault();
        return id is null ? null : new SubjectIdentifier(id.System, id.Value);
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
