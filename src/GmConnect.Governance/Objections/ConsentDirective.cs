using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Objections;

/// <summary>
/// An objection, a consent or a national data opt-out recorded for one person. Null scope fields mean "any":
/// an objection with no category and no purpose objects to all sharing.
/// </summary>
/// <param name="Id">The directive's key.</param>
/// <param name="PersonId">The person's key.</param>
/// <param name="Kind">Objection, consent or national data opt-out.</param>
/// <param name="Category">The record category it covers, or null for all.</param>
/// <param name="Purpose">The purpose it covers, or null for all.</param>
/// <param name="RecipientOrganisationId">The organisation it concerns (shared with), or null for all.</param>
/// <param name="RecordedAt">When it was recorded; it applies from then.</param>
/// <param name="RecordedBy">The practitioner who recorded it.</param>
/// <param name="WithdrawnAt">When it was withdrawn, if it was.</param>
public sealed record ConsentDirective(
    string Id,
    string PersonId,
    DirectiveKind Kind,
    string? Category,
    Purpose? Purpose,
    string? RecipientOrganisationId,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    DateTimeOffset? WithdrawnAt = null)
{
    /// <summary>True when the directive is in effect at <paramref name="at"/>.</summary>
    public bool InEffect(DateTimeOffset at) => RecordedAt <= at && (WithdrawnAt is null || WithdrawnAt > at);

    /// <summary>True when the directive's scope covers this category, purpose and recipient.</summary>
    public bool Covers(string category, Purpose purpose, string recipientOrganisationId) =>
        (Category is null || string.Equals(Category, category, StringComparison.Ordinal))
        && (Purpose is null || Purpose == purpose)
        && (RecipientOrganisationId is null || string.Equals(RecipientOrganisationId, recipientOrganisationId, StringComparison.Ordinal));
}
