namespace GmConnect.Identity.Manager;

/// <summary>One candidate of a demographic search or <c>$match</c>: a source record, its person, a score and why.</summary>
/// <param name="Record">The candidate record.</param>
/// <param name="Probability">Match probability in [0, 1] (1 for an exact search hit).</param>
/// <param name="Weight">Match weight (log2 Bayes factor incl. prior); null for exact search.</param>
/// <param name="Grade">The IHE/FHIR match grade.</param>
/// <param name="Why">Per comparison, the level that matched, e.g. <c>family_name: exact</c>.</param>
public sealed record ScoredCandidate(LinkedRecord Record, double Probability, double? Weight, MatchGrade Grade, IReadOnlyList<string> Why);

/// <summary>FHIR <c>match-grade</c> codes.</summary>
public enum MatchGrade
{
    /// <summary>Above the upper threshold.</summary>
    Certain,

    /// <summary>Between the thresholds.</summary>
    Probable,

    /// <summary>Some evidence, below the lower threshold.</summary>
    Possible,

    /// <summary>Known not to be the same person (a valid identifier disagrees, or a reviewer said so).</summary>
    CertainlyNot,
}
