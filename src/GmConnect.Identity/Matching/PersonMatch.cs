using GmConnect.Identity.Index;

namespace GmConnect.Identity.Matching;

/// <summary>How one candidate person compares with a record: its best pair and the guards.</summary>
/// <param name="Person">The candidate person.</param>
/// <param name="Best">The person's record that scored highest.</param>
/// <param name="BestRow">That record's row in the scored table.</param>
/// <param name="Weight">Match weight of the best pair.</param>
/// <param name="Probability">Match probability of the best pair.</param>
/// <param name="Blocked">Never to be linked automatically: a valid identifier disagrees, or a cannot-link pair.</param>
/// <param name="CertainlyNot">Known not to be the same person: a valid identifier disagrees or a reviewer said so.</param>
/// <param name="Refused">Not linked automatically but may go to review: a veto level, or a confident non-match with one of its records.</param>
internal sealed record PersonMatch(PersonEntry Person, IndexedRecord Best, int BestRow, double Weight, double Probability, bool Blocked, bool CertainlyNot, bool Refused);
