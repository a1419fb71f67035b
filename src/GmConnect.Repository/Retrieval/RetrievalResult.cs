using GmConnect.Governance.Decisions;
using GmConnect.Repository.Content;

namespace GmConnect.Repository.Retrieval;

/// <summary>The answer to a governed read.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Content">The content, only when <see cref="RetrievalOutcome.Permitted"/>.</param>
/// <param name="Decision">Governance's decision, when one was made.</param>
public sealed record RetrievalResult(RetrievalOutcome Outcome, StoredContent? Content, Decision? Decision);
