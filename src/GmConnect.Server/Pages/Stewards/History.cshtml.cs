using System.Globalization;
using GmConnect.Governance.Audit;
using GmConnect.Identity.Manager;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Stewards;

/// <summary>
/// A person's identity history as a timeline: records received, links, merges and unmerges, review decisions.
/// A merge that has not been undone can be undone here (unmerge), and so can a link (unlink), with a reason.
/// </summary>
[Authorize(Policy = DataStewardPolicy.Name)]
public sealed class HistoryModel(IIdentityManager identity, AuditTrail audit) : PageModel
{
    public string PersonId { get; private set; } = "";

    public PersonView? Person { get; private set; }

    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    /// <summary>Merges and links by hand that have not been undone: these offer "Undo".</summary>
    public IReadOnlySet<long> Undoable { get; private set; } = new HashSet<long>();

    [BindProperty]
    public long? Merge { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Undone { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string personId, CancellationToken cancellationToken) =>
        await LoadAsync(personId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUndoAsync(string personId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(personId, cancellationToken))
        {
            return NotFound();
        }

        if (Merge is not { } sequence || !Undoable.Contains(sequence))
        {
            Error = "That change cannot be undone from this page";
            return Page();
        }

        var entry = Entries.First(e => e.Sequence == sequence);
        if (string.IsNullOrWhiteSpace(Reason))
        {
            Error = entry.Kind == HistoryKind.Merge ? "Enter the reason for undoing the merge" : "Enter the reason for undoing the link";
            return Page();
        }

        var action = new StewardAction(UserClaims.From(User)!.PractitionerId, Reason.Trim());
        try
        {
            if (entry.Kind == HistoryKind.Merge)
            {
                await identity.UnmergeAsync(sequence, action, cancellationToken);
            }
            else
            {
                await identity.UnlinkAsync(entry.Record!.Value, action, cancellationToken);
            }
        }
        catch (IdentityException e)
        {
            Error = e.Message;
            return Page();
        }

        await StewardAudit.ChangedAsync(audit, HttpContext, [entry.PersonId, .. entry.OtherPersonId is null ? Array.Empty<string>() : [entry.OtherPersonId]],
            string.Create(CultureInfo.InvariantCulture, $"{(entry.Kind == HistoryKind.Merge ? "unmerge" : "unlink")}:{sequence}"), cancellationToken);
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/steward/persons/{Uri.EscapeDataString(PersonId)}/history?undone={sequence}"));
    }

    /// <summary>What an entry says, in words.</summary>
    public static string Describe(HistoryEntry entry) => entry.Kind switch
    {
        HistoryKind.RecordReceived => $"Record {entry.Record} received",
        HistoryKind.RecordUpdated => $"Record {entry.Record} updated",
        HistoryKind.PersonCreated => $"Person {entry.PersonId} created",
        HistoryKind.Link => $"Record {entry.Record} linked to {entry.PersonId}",
        HistoryKind.Unlink => $"Record {entry.Record} unlinked from {entry.OtherPersonId ?? entry.PersonId}",
        HistoryKind.Merge => $"Person {entry.OtherPersonId} merged into {entry.PersonId}",
        HistoryKind.Unmerge => $"Merge of {entry.OtherPersonId} into {entry.PersonId} undone",
        HistoryKind.ReviewOpened => "Review task opened" + (entry.Record is { } r ? $" for record {r}" : ""),
        HistoryKind.ReviewDecided => "Review task decided" + (entry.Record is { } d ? $" for record {d}" : ""),
        HistoryKind.ModelChanged => "Matching model changed",
        _ => entry.Kind.ToString(),
    };

    private async Task<bool> LoadAsync(string personId, CancellationToken cancellationToken)
    {
        PersonId = personId;
        Person = await identity.GetPersonAsync(personId, cancellationToken);
        if (Person is null)
        {
            return false;
        }

        Entries = await identity.HistoryAsync(personId, cancellationToken);
        // A merge is undone when a later unmerge names the same pair of persons; a link by hand when its record
        // has left this person or a later unlink names it.
        var undoable = new HashSet<long>();
        var current = Person.Records.Select(r => r.Record.Key).ToHashSet();
        foreach (var entry in Entries)
        {
            var undone = entry.Kind switch
            {
                HistoryKind.Merge => Entries.Any(e => e.Kind == HistoryKind.Unmerge && e.Sequence > entry.Sequence && SamePair(e, entry)),
                HistoryKind.Link => entry.Record is not { } key || !current.Contains(key) || entry.PersonId != personId
                    || Entries.Any(e => e.Kind == HistoryKind.Unlink && e.Sequence > entry.Sequence && e.Record == key),
                _ => true,
            };
            if (!undone && Person.MergedInto is null)
            {
                undoable.Add(entry.Sequence);
            }
        }

        Undoable = undoable;
        await StewardAudit.ReadAsync(audit, HttpContext, [personId], $"identity-history:{Entries.Count}", cancellationToken);
        return true;
    }

    private static bool SamePair(HistoryEntry a, HistoryEntry b) =>
        (a.PersonId == b.PersonId && a.OtherPersonId == b.OtherPersonId) || (a.PersonId == b.OtherPersonId && a.OtherPersonId == b.PersonId);
}
