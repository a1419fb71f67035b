using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Filtering;

/// <summary>An item the practitioner may see, with the decision (check <see cref="Decision.RedactedFields"/>).</summary>
public sealed record PermittedItem<T>(T Item, Decision Decision);
