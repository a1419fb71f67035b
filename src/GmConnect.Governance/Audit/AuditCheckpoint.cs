namespace GmConnect.Governance.Audit;

/// <summary>
/// A known point of the chain (sequence and hash), kept outside the store. A hash chain alone cannot show that its
/// last entries were removed; comparing with a checkpoint can.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash);
