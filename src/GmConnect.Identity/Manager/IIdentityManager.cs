namespace GmConnect.Identity.Manager;

/// <summary>
/// The Identity Manager: "who is this person, and under which identifiers do others know them?". A persistent
/// index of source records linked into persons, matched one record at a time, with a review queue for uncertain
/// pairs and data-steward merge, unmerge, link and unlink, all recorded in an append-only history.
/// <para>
/// This interface is the component's public surface for the host, the CLI, Integration and the Locator. It
/// returns personal data to its caller and audits nothing itself: the caller (the FHIR API, the web pages) asks
/// Governance and audits. Methods throw <see cref="IdentityException"/> for a broken request (unknown person,
/// task already decided, a link that breaks a "not the same person" decision).
/// </para>
/// </summary>
public interface IIdentityManager
{
    /// <summary>
    /// Stores a new or changed record as received and matches it in real time: above the upper threshold it links
    /// to the best candidate's person; between the thresholds it founds its own person and opens a review task;
    /// below, it founds a new person. A changed record is re-evaluated and its person re-checked. Submitting the
    /// same content again changes nothing.
    /// </summary>
    Task<MatchOutcome> SubmitAsync(IdentityRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits records as <see cref="SubmitAsync"/> would one after the other, in order — each is matched against the
    /// index including the batch's earlier records — but written in one transaction: all of the batch is stored, or none
    /// of it. One outcome per record, in order. The default submits them one at a time.
    /// </summary>
    async Task<IReadOnlyList<MatchOutcome>> SubmitBatchAsync(IReadOnlyList<IdentityRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var outcomes = new List<MatchOutcome>(records.Count);
        foreach (var record in records)
        {
            outcomes.Add(await SubmitAsync(record, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>One source record with its link, or null.</summary>
    Task<LinkedRecord?> GetRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default);

    /// <summary>A person with its records, or null. A merged-away person is returned with <see cref="PersonView.MergedInto"/> set.</summary>
    Task<PersonView?> GetPersonAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The person an identifier belongs to: a source key (<see cref="IdentifierSystems.ForSource"/>), a valid national
    /// identifier (NHS number, UPN, NINO, PNC ID), or a person id (<see cref="IdentifierSystems.Person"/>). Null when
    /// unknown. A national identifier carried by records of two different persons resolves to nothing (ambiguous):
    /// callers must not guess.
    /// </summary>
    Task<PersonView?> ResolveAsync(string system, string value, CancellationToken cancellationToken = default);

    /// <summary>PDQ: records matching a demographic query, best first, with score, grade and why.</summary>
    Task<IReadOnlyList<ScoredCandidate>> SearchAsync(DemographicQuery query, CancellationToken cancellationToken = default);

    /// <summary><c>$match</c>: the stored records that could be the same person as <paramref name="probe"/>, scored by the model (nothing is stored).</summary>
    Task<IReadOnlyList<ScoredCandidate>> MatchAsync(IdentityRecord probe, int limit, CancellationToken cancellationToken = default);

    /// <summary>Review tasks, oldest first.</summary>
    Task<IReadOnlyList<ReviewTask>> ListReviewTasksAsync(ReviewStatus status, int limit, CancellationToken cancellationToken = default);

    /// <summary>One review task, or null.</summary>
    Task<ReviewTask?> GetReviewTaskAsync(long taskId, CancellationToken cancellationToken = default);

    /// <summary>Decides an open task: link the pair, or keep them apart for good.</summary>
    Task<ReviewTask> DecideReviewAsync(long taskId, ReviewDecision decision, StewardAction action, CancellationToken cancellationToken = default);

    /// <summary>Moves every record of <paramref name="mergedPersonId"/> into <paramref name="survivorPersonId"/>. Returns the history entry of the merge.</summary>
    Task<HistoryEntry> MergeAsync(string survivorPersonId, string mergedPersonId, StewardAction action, CancellationToken cancellationToken = default);

    /// <summary>Undoes a merge: restores exactly the state before it (both persons and their records as they were, less records that arrived since, which stay with the survivor unless they were linked from the merged person).</summary>
    Task<HistoryEntry> UnmergeAsync(long mergeSequence, StewardAction action, CancellationToken cancellationToken = default);

    /// <summary>Links a record to a person by hand (it leaves its current person).</summary>
    Task<HistoryEntry> LinkAsync(SourceRecordKey record, string personId, StewardAction action, CancellationToken cancellationToken = default);

    /// <summary>Unlinks a record from its person: it founds a new person of its own and will not be linked back automatically.</summary>
    Task<HistoryEntry> UnlinkAsync(SourceRecordKey record, StewardAction action, CancellationToken cancellationToken = default);

    /// <summary>The history of a person (including merges into and out of it), oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The change feed other components follow: history entries after <paramref name="afterSequence"/> that change
    /// which person a record (and so an identifier) belongs to — merge, unmerge, link, unlink — oldest first, at most
    /// <paramref name="limit"/>. A follower keeps the last sequence it handled and asks again from there.
    /// </summary>
    /// <remarks>The default is for stand-ins that keep no history: they have no changes to tell.</remarks>
    Task<IReadOnlyList<HistoryEntry>> PersonChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HistoryEntry>>([]);
}
