using System.Globalization;
using GmConnect.Governance.Api;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Identity.Manager;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// Find a person, PDQ style: by an identifier (NHS number, UPN, National Insurance number, PNC ID or the exchange's
/// person ID), or by name, date of birth and postcode with each result's score and why. Every result is decided by
/// Governance before it is counted or shown, and the search is audited.
/// </summary>
[Authorize]
public sealed class FindModel(IIdentityManager identity, AccessGate gate) : PageModel
{
    public static IReadOnlyList<(string System, string Label)> Systems { get; } =
    [
        (IdentifierSystems.NhsNumber, "NHS number"),
        (IdentifierSystems.Upn, "Unique pupil number"),
        (IdentifierSystems.Nino, "National Insurance number"),
        (IdentifierSystems.PncId, "Police National Computer ID"),
        (IdentifierSystems.Person, "GM Connect person ID"),
    ];

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? System { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Identifier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? GivenName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FamilyName { get; set; }

    [BindProperty(SupportsGet = true, Name = "dob-day")]
    public string? Day { get; set; }

    [BindProperty(SupportsGet = true, Name = "dob-month")]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = "dob-year")]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Postcode { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public bool Searched { get; private set; }

    public IReadOnlyList<PermittedItem<ScoredCandidate>> Results { get; private set; } = [];

    public string? Withheld { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (By is not ("identifier" or "demographics"))
        {
            return;
        }

        if (GovernanceClaims.RequestOf(User, AccessAction.Search, HttpContext.TraceIdentifier) is not { } request)
        {
            Errors["identifier"] = "Your sign-in does not say who you are, your organisation, role and purpose; sign in again";
            return;
        }

        if (By == "identifier")
        {
            await ByIdentifierAsync(request, cancellationToken);
        }
        else
        {
            await ByDemographicsAsync(request, cancellationToken);
        }
    }

    private async Task ByIdentifierAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var value = Identifier?.Trim();
        if (!Systems.Any(s => s.System == System))
        {
            Errors["system"] = "Select the kind of identifier";
        }

        if (string.IsNullOrEmpty(value))
        {
            Errors["identifier"] = "Enter the identifier";
        }
        else if (value.Length > 64)
        {
            Errors["identifier"] = "The identifier must be 64 characters or fewer";
        }

        if (Errors.Count > 0)
        {
            return;
        }

        Searched = true;
        var normalised = System == IdentifierSystems.Person ? value! : value!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var person = await identity.ResolveAsync(System!, normalised, cancellationToken);
        // The person is shown as their records are: one permitted record is enough to show they are known.
        var candidates = person is null ? [] : person.Records.Select(r => new ScoredCandidate(r, 1, null, MatchGrade.Certain, ["identifier agrees"])).ToArray();
        var filtered = await PersonAccess.FilterAsync(gate, request, candidates, c => c.Record, QueryKind.ByPerson, cancellationToken);
        Results = filtered.Items.Take(1).ToArray();
        Withheld = filtered.Items.Count == 0 ? PersonAccess.WithheldLine(filtered.Withheld, "record") : null;
    }

    private async Task ByDemographicsAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(FamilyName))
        {
            Errors["family-name"] = "Enter a family name";
        }

        DateOnly? dateOfBirth = null;
        if (!string.IsNullOrWhiteSpace(Day) || !string.IsNullOrWhiteSpace(Month) || !string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100
                && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            {
                dateOfBirth = new DateOnly(y, m, d);
            }
            else
            {
                Errors["dob-day"] = "Date of birth must be a real date, like 27 3 2012";
            }
        }

        if (Errors.Count == 0 && dateOfBirth is null && string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(GivenName))
        {
            Errors["given-name"] = "Enter a given name, date of birth or postcode as well as the family name";
        }

        if (Errors.Count > 0)
        {
            return;
        }

        Searched = true;
        var candidates = await identity.SearchAsync(new DemographicQuery
        {
            GivenName = Blank(GivenName), FamilyName = Blank(FamilyName), DateOfBirth = dateOfBirth, Postcode = Blank(Postcode),
            Mode = SearchMode.Fuzzy, Limit = 20,
        }, cancellationToken);
        // A search that uses an address never returns a person with a protected address (Governance's Address kind).
        var kind = string.IsNullOrWhiteSpace(Postcode) ? QueryKind.Demographic : QueryKind.Address;
        var filtered = await PersonAccess.FilterAsync(gate, request, candidates, c => c.Record, kind, cancellationToken);
        Results = filtered.Items;
        Withheld = PersonAccess.WithheldLine(filtered.Withheld, "result");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
