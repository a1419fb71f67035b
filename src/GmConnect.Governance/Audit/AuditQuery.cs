namespace GmConnect.Governance.Audit;

/// <summary>An audit search. Every given filter must match; null filters match everything.</summary>
/// <param name="PersonId">Entries concerning this person.</param>
/// <param name="PractitionerId">Entries by this practitioner.</param>
/// <param name="OrganisationId">Entries by practitioners acting for this organisation.</param>
/// <param name="From">Recorded at or after.</param>
/// <param name="To">Recorded before.</param>
/// <param name="Limit">At most this many entries, newest first.</param>
public sealed record AuditQuery(
    string? PersonId = null,
    string? PractitionerId = null,
    string? OrganisationId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 1000)
{
    /// <summary>True when <paramref name="entry"/> matches (used by the in-memory store and tests).</summary>
    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var r = entry.Record;
        return (PersonId is null || r.PersonIds.Contains(PersonId, StringComparer.Ordinal))
            && (PractitionerId is null || string.Equals(r.PractitionerId, PractitionerId, StringComparison.Ordinal))
            && (OrganisationId is null || string.Equals(r.OrganisationId, OrganisationId, StringComparison.Ordinal))
            && (From is null || entry.Recorded >= From)
            && (To is null || entry.Recorded < To);
    }
}
