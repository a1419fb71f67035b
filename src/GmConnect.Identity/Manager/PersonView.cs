namespace GmConnect.Identity.Manager;

/// <summary>A linked person: a stable id and the source records linked to it.</summary>
/// <param name="PersonId">Stable person id (survives re-runs of the batch model where the people are the same).</param>
/// <param name="Records">Its source records, oldest link first.</param>
/// <param name="MergedInto">When this person was merged into another, that person's id; its records are there.</param>
public sealed record PersonView(string PersonId, IReadOnlyList<LinkedRecord> Records, string? MergedInto = null)
{
    /// <summary>Every identifier known for the person across its records, without duplicates.</summary>
    public IEnumerable<RecordIdentifier> Identifiers => Records.SelectMany(r => r.Identifiers).Distinct();
}
