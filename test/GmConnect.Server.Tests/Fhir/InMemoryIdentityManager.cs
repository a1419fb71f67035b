using System.Collections.Concurrent;
using GmConnect.Identity.Manager;

namespace GmConnect.Server.Tests.Fhir;

/// <summary>
/// A small in-memory test double of the Identity Manager for the FHIR API's tests: records link to an existing
/// person when they share a valid NHS number (Modulus 11), else found a new person; search and match score the
/// share of given fields that agree. Only what the FHIR API calls is implemented.
/// </summary>
internal sealed class InMemoryIdentityManager : IIdentityManager
{
    private readonly ConcurrentDictionary<SourceRecordKey, LinkedRecord> _records = new();
    private int _persons;

    public Task<MatchOutcome> SubmitAsync(IdentityRecord record, CancellationToken cancellationToken = default)
    {
        lock (_records)
        {
            if (_records.TryGetValue(record.Key, out var existing) && existing.Record == record)
            {
                return Task.FromResult(new MatchOutcome(record.Key, MatchDecision.Unchanged, existing.PersonId, null, null));
            }

            var identifiers = IdentifiersOf(record);
            var nhs = identifiers.FirstOrDefault(i => i.System == IdentifierSystems.NhsNumber && i.Valid);
            var match = nhs is null ? null : _records.Values.FirstOrDefault(r => r.Identifiers.Contains(nhs));
            var personId = existing?.PersonId ?? match?.PersonId ?? "p" + Interlocked.Increment(ref _persons).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var method = match is null ? LinkMethod.Founding : LinkMethod.Automatic;
            _records[record.Key] = new LinkedRecord(record, (existing?.Version ?? 0) + 1, personId, new LinkProvenance(method, match is null ? null : 0.99, "test", null, DateTimeOffset.UnixEpoch), identifiers);
            return Task.FromResult(new MatchOutcome(record.Key, match is null ? MatchDecision.NewPerson : MatchDecision.LinkedAutomatically, personId, null, null));
        }
    }

    public Task<LinkedRecord?> GetRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.GetValueOrDefault(key));

    public Task<PersonView?> GetPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        var records = _records.Values.Where(r => r.PersonId == personId).OrderBy(r => r.Record.Source, StringComparer.Ordinal).ThenBy(r => r.Record.RecordId, StringComparer.Ordinal).ToList();
        return Task.FromResult(records.Count == 0 ? null : new PersonView(personId, records));
    }

    public async Task<PersonView?> ResolveAsync(string system, string value, CancellationToken cancellationToken = default)
    {
        if (system == IdentifierSystems.Person)
        {
            return await GetPersonAsync(value, cancellationToken);
        }

        var canonical = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var persons = _records.Values.Where(r => r.Identifiers.Any(i => i.System == system && i.Value == (system.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal) ? value : canonical) && i.Valid))
            .Select(r => r.PersonId).Distinct().ToList();
        return persons.Count == 1 ? await GetPersonAsync(persons[0], cancellationToken) : null;
    }

    public Task<IReadOnlyList<ScoredCandidate>> SearchAsync(DemographicQuery query, CancellationToken cancellationToken = default)
    {
        var probe = new IdentityRecord
        {
            Source = "q", RecordId = "q", FamilyName = query.FamilyName, GivenName = query.GivenName, DateOfBirth = query.DateOfBirth, Sex = query.Sex, Postcode = query.Postcode,
        };
        var scored = Score(probe)
            .Where(c => query.Mode == SearchMode.Fuzzy ? c.Probability >= 0.5 : c.Probability >= 1.0)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<ScoredCandidate>>(scored);
    }

    public Task<IReadOnlyList<ScoredCandidate>> MatchAsync(IdentityRecord probe, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScoredCandidate>>([.. Score(probe).Where(c => c.Probability > 0).Take(limit)]);

    private IEnumerable<ScoredCandidate> Score(IdentityRecord probe)
    {
        var fields = new List<Func<IdentityRecord, string?>>
        {
            r => r.FamilyName?.ToUpperInvariant(),
            r => r.GivenName?.ToUpperInvariant(),
            r => r.DateOfBirth?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            r => r.Sex,
            r => r.Postcode?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
            r => r.NhsNumber?.Replace(" ", "", StringComparison.Ordinal),
        }.Where(f => f(probe) is not null).ToList();
        return _records.Values
            .Select(r =>
            {
                var agree = fields.Where(f => f(r.Record) == f(probe)).ToList();
                var p = fields.Count == 0 ? 0 : (double)agree.Count / fields.Count;
                var grade = p >= 0.9 ? MatchGrade.Certain : p >= 0.6 ? MatchGrade.Probable : MatchGrade.Possible;
                return new ScoredCandidate(r, p, null, grade, []);
            })
            .OrderByDescending(c => c.Probability)
            .ThenBy(c => c.Record.Record.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Record.Record.RecordId, StringComparer.Ordinal);
    }

    private static List<RecordIdentifier> IdentifiersOf(IdentityRecord record)
    {
        var list = new List<RecordIdentifier> { new(IdentifierSystems.ForSource(record.Source), record.RecordId) };
        if (record.NhsNumber is { } nhs)
        {
            var canonical = nhs.Replace(" ", "", StringComparison.Ordinal);
            list.Add(new RecordIdentifier(IdentifierSystems.NhsNumber, canonical, NhsNumberValid(canonical)));
        }

        if (record.Upn is { } upn)
        {
            list.Add(new RecordIdentifier(IdentifierSystems.Upn, upn.ToUpperInvariant()));
        }

        if (record.PncId is { } pnc)
        {
            list.Add(new RecordIdentifier(IdentifierSystems.PncId, pnc.ToUpperInvariant()));
        }

        return list;
    }

    private static bool NhsNumberValid(string value)
    {
        if (value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (value[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check != 10 && check == value[9] - '0';
    }

    public Task<IReadOnlyList<ReviewTask>> ListReviewTasksAsync(ReviewStatus status, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<ReviewTask?> GetReviewTaskAsync(long taskId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<ReviewTask> DecideReviewAsync(long taskId, ReviewDecision decision, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<HistoryEntry> MergeAsync(string survivorPersonId, string mergedPersonId, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<HistoryEntry> UnmergeAsync(long mergeSequence, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<HistoryEntry> LinkAsync(SourceRecordKey record, string personId, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<HistoryEntry> UnlinkAsync(SourceRecordKey record, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string personId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
