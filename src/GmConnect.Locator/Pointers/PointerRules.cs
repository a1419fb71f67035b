using GmConnect.Governance.Administration;
using GmConnect.Governance.Registries;
using GmConnect.Locator.RecordTypes;

namespace GmConnect.Locator.Pointers;

/// <summary>
/// The producer checks every pointer write goes through, one by one (<see cref="PointerPublisher"/>) or a chunk at a
/// time (<see cref="BulkPointerPublisher"/>): is the actor registered, is the custodian their own organisation, are
/// the fields sound, may their organisation publish the type. One code for both paths, so they cannot drift apart;
/// the bulk path passes a <see cref="ChunkDecisions"/> so that what depends only on the actor and the type is
/// decided once per chunk instead of once per pointer (docs/adr/0009).
/// </summary>
internal sealed class PointerRules(RecordTypeRegistry types, GovernanceAdministration governance)
{
    /// <summary>Null when <paramref name="actor"/> is a registered practitioner in that organisation and role.</summary>
    public PointerOutcome? NotRegistered(Actor actor, ChunkDecisions? chunk)
    {
        if (chunk is null)
        {
            return Registered(actor);
        }

        if (!chunk.RegistrationDecided)
        {
            chunk.Registration = Registered(actor);
            chunk.RegistrationDecided = true;
        }

        return chunk.Registration;
    }

    /// <summary>Null when the draft may be written by the actor; <paramref name="type"/> is then its record type.</summary>
    public PointerOutcome? Check(Actor actor, PointerDraft draft, ChunkDecisions? chunk, out RecordType type)
    {
        type = null!;
        if (NotRegistered(actor, chunk) is { } refused)
        {
            return refused;
        }

        if (draft.CustodianId is { } custodian && !string.Equals(custodian, actor.OrganisationId, StringComparison.Ordinal))
        {
            return PointerOutcome.Refused(PointerRefusal.NotCustodian, "custodian: must be your own organisation");
        }

        var problems = new List<string>();
        var found = types.Find(draft.Type);
        if (found is null)
        {
            problems.Add(draft.Type is null ? "type: required" : $"type: unknown record type '{draft.Type}'");
        }
        else if (draft.Category is { } category && !string.Equals(category, found.Category, StringComparison.Ordinal))
        {
            problems.Add($"category: a {found.Code} is filed under '{found.Category}', not '{category}'");
        }

        if (draft.Subjects.Count == 0)
        {
            problems.Add("subject: at least one identifier (system and value) is required");
        }

        for (var i = 0; i < draft.Subjects.Count; i++)
        {
            var s = draft.Subjects[i];
            if (string.IsNullOrWhiteSpace(s.System) || string.IsNullOrWhiteSpace(s.Value) || s.System.Contains('|', StringComparison.Ordinal))
            {
                problems.Add($"subject[{i}]: system and value are both required, and the system may not contain '|'");
            }
        }

        if (draft.MasterIdentifier is { } master && SubjectIdentifier.TryParse(master) is null)
        {
            problems.Add("masterIdentifier: expected system|value");
        }

        if (draft.PeriodStart is { } start && draft.PeriodEnd is { } end && end < start)
        {
            problems.Add("context.period: end before start");
        }

        if (draft.Status == PointerStatus.Superseded)
        {
            problems.Add("status: superseded is set by the exchange when another pointer replaces this one");
        }

        if (draft.Content.Count == 0)
        {
            problems.Add("content: at least one attachment (url and contentType) is required");
        }

        for (var i = 0; i < draft.Content.Count; i++)
        {
            var a = draft.Content[i];
            if (string.IsNullOrWhiteSpace(a.Url) || string.IsNullOrWhiteSpace(a.ContentType))
            {
                problems.Add($"content[{i}].attachment: url and contentType are required");
            }

            if (a.Hash is { } hash && !IsSha256(hash))
            {
                problems.Add($"content[{i}].attachment.hash: expected the base64 SHA-256 of the content (32 bytes)");
            }
        }

        if (problems.Count > 0)
        {
            return PointerOutcome.Invalid(problems);
        }

        bool mayPublish;
        if (chunk is null)
        {
            mayPublish = MayPublish(actor, found!);
        }
        else if (!chunk.Publishable.TryGetValue(found!.Code, out mayPublish))
        {
            mayPublish = chunk.Publishable[found.Code] = MayPublish(actor, found);
        }

        if (!mayPublish)
        {
            return PointerOutcome.Refused(PointerRefusal.TypeNotPublishable, $"type: your organisation may not publish pointers of type '{found!.Code}'");
        }

        type = found!;
        return null;
    }

    public static RecordPointer Build(PointerDraft draft, RecordType type, string custodianId, string id, int version, DateTimeOffset created, DateTimeOffset updated) => new()
    {
        Id = id,
        MasterIdentifier = draft.MasterIdentifier,
        Type = type.Code,
        Category = type.Category,
        CustodianId = custodianId,
        Subjects = [.. draft.Subjects.Select(s => new SubjectIdentifier(s.System.Trim(), s.Value.Trim()))],
        Author = draft.Author,
        Description = draft.Description,
        PeriodStart = draft.PeriodStart,
        PeriodEnd = draft.PeriodEnd,
        Status = draft.Status,
        Replaces = draft.Replaces,
        Sensitivity = draft.Sensitivity | type.Sensitivity,
        Content = draft.Content,
        Version = version,
        Created = created,
        LastUpdated = updated,
    };

    /// <summary>
    /// <c>{scheme}-{code}-{uuid v7}</c>, e.g. <c>dfe-352-0193…</c>: the custodian is visible (as in NRL's
    /// <c>{ODS}-{localId}</c>); the random part makes ids unguessable.
    /// </summary>
    public static string NewId(string custodianId, DateTimeOffset now) =>
        custodianId.Replace(':', '-').ToLowerInvariant() + "-" + Guid.CreateVersion7(now).ToString("N");

    private PointerOutcome? Registered(Actor actor) =>
        governance.Holds(actor, RoleCapabilities.None)
            ? null
            : PointerOutcome.Refused(PointerRefusal.NotRegistered, "actor: not a registered practitioner in that organisation and role");

    private bool MayPublish(Actor actor, RecordType type)
    {
        var organisation = governance.Organisations.FirstOrDefault(o => string.Equals(o.Id, actor.OrganisationId, StringComparison.Ordinal));
        return organisation is not null && organisation.Active && type.MayBePublishedBy(organisation.Kind);
    }

    private static bool IsSha256(string hash)
    {
        Span<byte> buffer = stackalloc byte[48];
        return Convert.TryFromBase64String(hash, buffer, out var written) && written == 32;
    }
}
