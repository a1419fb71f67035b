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

        using (await ReadAsync(cancellationToken).ConfigureAwait(false))
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
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredCandidate>> MatchAsync(IdentityRecord probe, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using (await ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var features = _index.Describe(probe);
            var candidates = _index.Candidates(features, _options.MaxCandidates);
            return Scored(probe, features, candidates, limit, evidenceOnly: true);
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

    /// <summary>
    /// Candidates for a fuzzy search, then scored by the model. We gather the records a typical error leaves within
    /// reach rather than everyone sharing any one value: the blocking index (the batch engine's rules, built so that one
    /// wrong or missing field still meets), the same rules with the birth date's day and month swapped (a swapped date
    /// with another error besides), and the records sharing one queried value exactly where few do. A common value alone
    /// (a surname shared by thousands) would only bring records that agree on nothing else, in no meaningful order; its
    /// list is walked only when nothing else gives a candidate.
    /// </summary>
    private List<ScoredCandidate> FuzzySearch(IdentityRecord probe, RecordFeatures features, List<(int Field, string Value)> given, int limit)
    {
        var max = _options.MaxCandidates;
        var candidates = _index.Candidates(features, max);
        var values = new List<(int Field, string Value)>(given);
        if (probe.DateOfBirth is { } born && SwappedDayMonth(born) is { } swapped)
        {
            var other = _index.Describe(probe with { DateOfBirth = swapped });
            _index.AddCandidates(other, candidates, max);
            const int dob = PersonIndex.DateOfBirthField;
            if (_index.SearchFields[dob] >= 0 && other.Values[_index.SearchFields[dob]] is { } value)
            {
                values.Add((dob, value));
            }
        }

        var common = new List<(int Field, string Value, int Count)>();
        foreach (var (field, value) in values)
        {
            var count = _index.CountBySearchField(field, value, _options.FuzzyFieldListLimit + 1);
            if (count <= _options.FuzzyFieldListLimit)
            {
                _index.AddBySearchField(field, value, candidates, max);
            }
            else
            {
                common.Add((field, value, count));
            }
        }

        if (candidates.Count == 0)
        {
            // Rarest first; counting stops at the bound, so a common name is not walked to its end.
            foreach (var (field, value, _) in common.OrderBy(c => _index.CountBySearchField(c.Field, c.Value, max)))
            {
                _index.AddBySearchField(field, value, candidates, max);
            }
        }

        return Scored(probe, features, candidates, limit, evidenceOnly: true, likelyFirst: true);
    }

    /// <summary>The date with day and month swapped, when that is another valid date.</summary>
    private static DateOnly? SwappedDayMonth(DateOnly date) =>
        date.Day != date.Month && date.Day <= 12 && date.Month <= DateTime.DaysInMonth(date.Year, date.Day) ? new DateOnly(date.Year, date.Day, date.Month) : null;

    /// <summary>
    /// Each candidate record scored against the probe, best first, with grade and why. With <paramref name="evidenceOnly"/>,
    /// only candidates with some evidence for them (weight above the prior). With <paramref name="likelyFirst"/>, when
    /// any candidate is above the model's confident non-match (the clustering's <c>reject_below</c>, p = 0.01 in the
    /// shipped settings), only those: a search for someone the index knows answers with them, not with the scores of
    /// dozens of records sharing a birth date and nothing else. A query too thin for any candidate to get there (a surname
    /// alone) still answers with the candidates that have some evidence.
    /// </summary>
    private List<ScoredCandidate> Scored(IdentityRecord probe, RecordFeatures features, HashSet<IndexedRecord> candidates, int limit, bool evidenceOnly, bool likelyFirst = false)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var rows = candidates.ToList();
        var scores = _scorer.Score(_index.Prepared(features, rows), _index.Frequency);
        var kept = new List<(int Row, double Weight, bool CertainlyNot)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = i + 1;
            var weight = scores.Weights[row];
            var certainlyNot = scores.HasConflictingIdentifier(row) || _index.CannotLink(probe.Key, rows[i].Key) == true;
            if (evidenceOnly && !certainlyNot && weight <= scores.PriorWeight)
            {
                continue;
            }

            kept.Add((row, weight, certainlyNot));
        }

        if (likelyFirst && kept.Any(k => !k.CertainlyNot && k.Weight >= scores.RejectWeight))
        {
            kept.RemoveAll(k => !k.CertainlyNot && k.Weight < scores.RejectWeight);
        }

        // Only the answer's records are read and explained (a candidate's record is parsed from its stored document).
        return [.. kept
            .OrderBy(k => k.CertainlyNot ? 1 : 0)
            .ThenByDescending(k => k.Weight)
            .ThenBy(k => rows[k.Row - 1].Key.ToString(), StringComparer.Ordinal)
            .Take(limit)
            .Select(k =>
            {
                var probability = scores.Probability(k.Row);
                var grade = k.CertainlyNot ? MatchGrade.CertainlyNot
                    : probability >= _options.UpperThreshold && !scores.IsVetoed(k.Row) ? MatchGrade.Certain
                    : probability >= _options.LowerThreshold ? MatchGrade.Probable
                    : MatchGrade.Possible;
                return new ScoredCandidate(rows[k.Row - 1].ToLinked(), probability, k.Weight, grade, scores.Why(k.Row));
            })];
    }
}
