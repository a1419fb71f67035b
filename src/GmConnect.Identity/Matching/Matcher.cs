using GmConnect.Identity.Index;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Matching;

/// <summary>
/// Real-time matching of one record: candidates from the blocking index, every record of each candidate
/// person scored by the model in one small table, and the batch clustering's guards applied per person
/// (veto levels, confident non-matches inside, conflicting valid identifiers, cannot-links).
/// </summary>
internal static class Matcher
{
    /// <summary>Scores <paramref name="probe"/> against the persons of its blocking candidates (and <paramref name="alsoPerson"/>).</summary>
    public static (List<PersonMatch> Persons, ProbeScores? Scores, List<IndexedRecord> Rows) Evaluate(
        PersonIndex index,
        ProbeScorer scorer,
        IdentityRecord probe,
        RecordFeatures features,
        PersonEntry? alsoPerson,
        int maxCandidates,
        int maxRecordsPerPerson)
    {
        var candidates = index.Candidates(features, maxCandidates);
        candidates.RemoveWhere(r => r.Key == probe.Key);
        return Score(index, scorer, probe, features, candidates, alsoPerson, maxRecordsPerPerson);
    }

    /// <summary>Scores the probe (with its <paramref name="features"/>) against the given candidate records' persons.</summary>
    public static (List<PersonMatch> Persons, ProbeScores? Scores, List<IndexedRecord> Rows) Score(
        PersonIndex index,
        ProbeScorer scorer,
        IdentityRecord probe,
        RecordFeatures features,
        IEnumerable<IndexedRecord> candidates,
        PersonEntry? alsoPerson,
        int maxRecordsPerPerson)
    {
        var byPerson = new Dictionary<string, List<IndexedRecord>>(StringComparer.Ordinal);
        foreach (var record in candidates)
        {
            if (!byPerson.TryGetValue(record.PersonId, out var list))
            {
                byPerson[record.PersonId] = list = [];
            }

            list.Add(record);
        }

        if (alsoPerson is not null && !byPerson.ContainsKey(alsoPerson.Id))
        {
            byPerson[alsoPerson.Id] = [];
        }

        // Each person: its blocked candidates first, then its other records, so that a confident non-match
        // anywhere in the person is seen (as the batch clustering checks a whole cluster).
        var rows = new List<IndexedRecord>();
        var spans = new List<(PersonEntry Person, int Start, int End)>();
        foreach (var (personId, found) in byPerson)
        {
            var person = index.Persons[personId];
            var start = rows.Count;
            var seen = new HashSet<IndexedRecord>();
            foreach (var record in found.Concat(person.Records))
            {
                if (record.Key != probe.Key && rows.Count - start < maxRecordsPerPerson && seen.Add(record))
                {
                    rows.Add(record);
                }
            }

            if (rows.Count > start)
            {
                spans.Add((person, start, rows.Count));
            }
        }

        if (rows.Count == 0)
        {
            return ([], null, rows);
        }

        // The candidates' prepared values come from the index: neither parsed nor normalised again.
        var scores = scorer.Score(index.Prepared(features, rows), index.Frequency);
        var result = new List<PersonMatch>(spans.Count);
        foreach (var (person, start, end) in spans)
        {
            var best = -1;
            var refused = false;
            var conflict = false;
            for (var i = start; i < end; i++)
            {
                var row = i + 1;
                if (best < 0 || scores.Weights[row] > scores.Weights[best + 1])
                {
                    best = i;
                }

                refused |= scores.IsVetoed(row) || scores.Weights[row] < scores.RejectWeight;
                conflict |= scores.HasConflictingIdentifier(row);
            }

            var constraint = index.CannotLinkPerson(probe.Key, person);
            result.Add(new PersonMatch(
                person,
                rows[best],
                best + 1,
                scores.Weights[best + 1],
                scores.Probability(best + 1),
                Blocked: conflict || constraint is not null,
                CertainlyNot: conflict || constraint == true,
                Refused: refused));
        }

        result.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        return (result, scores, rows);
    }
}
