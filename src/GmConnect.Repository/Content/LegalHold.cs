namespace GmConnect.Repository.Content;

/// <summary>A legal hold: while set, retention never deletes the content (e.g. a public inquiry's preservation order).</summary>
/// <param name="Reason">Why (an order's reference; no personal data).</param>
/// <param name="SetBy">Who set it.</param>
/// <param name="SetAt">When (UTC).</param>
public sealed record LegalHold(string Reason, string SetBy, DateTimeOffset SetAt);
