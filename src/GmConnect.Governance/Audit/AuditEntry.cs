namespace GmConnect.Governance.Audit;

/// <summary>
/// One entry of the hash-chained audit trail: the record, its place in the chain, when it was recorded, the hash
/// of the entry before it and its own hash over all of that.
/// </summary>
/// <param name="Sequence">Position in the chain, from 1, without gaps.</param>
/// <param name="Id">A unique id (used as the FHIR AuditEvent id).</param>
/// <param name="Recorded">When it was recorded (UTC, microsecond precision so every store keeps it exactly).</param>
/// <param name="Record">What was recorded.</param>
/// <param name="PreviousHash">The hash of entry <c>Sequence - 1</c>, or <see cref="AuditChain.GenesisHash"/>.</param>
/// <param name="Hash">SHA-256 over the canonical form of everything above.</param>
public sealed record AuditEntry(long Sequence, string Id, DateTimeOffset Recorded, AuditRecord Record, string PreviousHash, string Hash);
