using GmConnect.Identity.Index;
using GmConnect.Identity.Matching;

namespace GmConnect.Identity.Manager;

/// <summary>PDQ search and <c>$match</c>: read-only, nothing is stored.</summary>
public sealed partial class IdentityManager
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredCandidate>> SearchAsync(DemographicQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.GivenName is null && query.FamilyName is null && query.DateOfBirth is null && query.Sex is null && query.Postcode is null)
        {
            throw new IdentityException(IdentityError.Invalid, "A search needs at least one of given name, family name, date of birth, sex or postcode.");
        }

        if (query.Limit < 1)
        {
            throw new IdentityException(IdentityError.Invalid, "The limit must be at least 1.");
        }

        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var probe = new IdentityRecord
            {
                Source = "query",
                RecordId = "query",
                GivenName = query.GivenName,
                FamilyName = query.FamilyName,
                DateOfBirth = query.DateOfBirth,
                Sex = query.Sex,
                Postcode = query.Postcode,
            };
            var features = _index.Describe(probe);

            // The query's fields, normalised as the comparisons normalise them (search field order).
            var given = new List<(int Field, string Value)>();
            for (var f = 0; f < _index.SearchFields.Length; f++)
            {
                if (_index.SearchFields[f] >= 0 && features.Values[_index.SearchFields[f]] is { } value)
                {
                    given.Add((f, value));
                }
            }

            return query.Mode == SearchMode.Exact ? ExactSearch(given, query.Limit) : FuzzySearch(probe, features, given, query.Limit);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredCandidate>> MatchAsync(IdentityRecord probe, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var features = _index.Describe(probe);
            var candidates = _index.Candidates(features, _options.MaxCandidates);
            return Scored(probe, features, candidates, limit, evidenceOnly: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<ScoredCandidate> ExactSearch(List<(int Field, string Value)> given, int limit)
    {
        if (given.Count == 0)
        {
            return [];
        }

        // Start from the smallest list among the given fields, then every other field must agree.
        var (field, value) = given[_index.FewestBySearchField(given)];
        var smallest = _index.BySearchField(field, value);
        var why = given.Select(g => $"{PersonIndex.SearchFieldNames[g.Field]}: exact").ToList();
        return [.. smallest
            .Where(r => given.All(g => _index.ValueOf(r, _index.SearchFields[g.Field]) == g.Value))
            .OrderBy(r => r.Link.Order)
            .Take(limit)
            .Select(r => new ScoredCandidate(r.ToLinked(), 1.0, null, MatchGrade.Certain, why))];
    }

    private List<ScoredCandidate> FuzzySearch(IdentityRecord probe, RecordFeatures features, List<(int Field, string Value)> given, int limit)
    {
        // Candidates: the blocking index, and records sharing any one given field exactly (bounded).
        var candidates = _index.Candidates(features, _options.MaxCandidates);
        // Rarest field first; counting stops at the bound, so a common name is not walked to its end.
        foreach (var (field, value) in given.OrderBy(g => _index.CountBySearchField(g.Field, g.Value, _options.MaxCandidates)))
        {
            _index.AddBySearchField(field, value, candidates, _options.MaxCandidates);
        }

        return Scored(probe, features, candidates, limit, evidenceOnly: true);
    }

    /// <summary>Each candidate record scored against the probe, best first, with grade and why.</summary>
    private List<ScoredCandidate> Scored(IdentityRecord probe, RecordFeatures features, HashSet<IndexedRecord> candidates, int limit, bool evidenceOnly)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var rows = candidates.ToList();
        var scores = _scorer.Score(_index.Prepared(features, rows), _index.Frequency);
        var result = new List<(ScoredCandidate Candidate, double Weight)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = i + 1;
            var weight = scores.Weights[row];
            var certainlyNot = scores.HasConflictingIdentifier(row) || _index.CannotLink(probe.Key, rows[i].Key) == true;
            if (evidenceOnly && !certainlyNot && weight <= scores.PriorWeight)
            {
                continue;
            }

            var probability = scores.Probability(row);
            var grade = certainlyNot ? MatchGrade.CertainlyNot
                : probability >= _options.UpperThreshold && !scores.IsVetoed(row) ? MatchGrade.Certain
                : probability >= _options.LowerThreshold ? MatchGrade.Probable
                : MatchGrade.Possible;
            result.Add((new ScoredCandidate(rows[i].ToLinked(), probability, weight, grade, scores.Why(row)), weight));
        }

        return [.. result
            .OrderBy(r => r.Candidate.Grade == MatchGrade.CertainlyNot ? 1 : 0)
            .ThenByDescending(r => r.Weight)
            .ThenBy(r => r.Candidate.Record.Record.Key.ToString(), StringComparer.Ordinal)
            .Take(limit)
            .Select(r => r.Candidate)];
    }
}
