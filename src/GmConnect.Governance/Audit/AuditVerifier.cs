namespace GmConnect.Governance.Audit;

/// <summary>Walks the chain in sequence order and reports the first broken link.</summary>
public static class AuditVerifier
{
    /// <summary>Verifies entries read in stored sequence order.</summary>
    public static async Task<AuditVerification> VerifyAsync(
        IAsyncEnumerable<AuditEntry> entries,
        AuditCheckpoint? checkpoint = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var state = new Walk();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var problem = state.Step(entry, checkpoint);
            if (problem is not null)
            {
                return problem;
            }
        }

        return state.Finish(checkpoint);
    }

    /// <summary>Verifies entries already in memory, in the order given.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, AuditCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var state = new Walk();
        foreach (var entry in entries)
        {
            var problem = state.Step(entry, checkpoint);
            if (problem is not null)
            {
                return problem;
            }
        }

        return state.Finish(checkpoint);
    }

    private sealed class Walk
    {
        private long _expected = 1;
        private long _checked;
        private string _previous = AuditChain.GenesisHash;

        public AuditVerification? Step(AuditEntry entry, AuditCheckpoint? checkpoint)
        {
            _checked++;
            if (entry.Sequence > _expected)
            {
                return Fail(AuditProblem.Missing, _expected);
            }

            if (entry.Sequence < _expected)
            {
                return Fail(AuditProblem.OutOfOrder, entry.Sequence);
            }

            if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return Fail(AuditProblem.Changed, entry.Sequence);
            }

            if (!string.Equals(entry.PreviousHash, _previous, StringComparison.Ordinal))
            {
                return Fail(AuditProblem.BrokenLink, entry.Sequence);
            }

            if (checkpoint is not null && entry.Sequence == checkpoint.Sequence
                && !string.Equals(entry.Hash, checkpoint.Hash, StringComparison.Ordinal))
            {
                // The chain is self-consistent but differs from what was checkpointed: rewritten wholesale.
                return Fail(AuditProblem.Changed, entry.Sequence);
            }

            _previous = entry.Hash;
            _expected++;
            return null;
        }

        public AuditVerification Finish(AuditCheckpoint? checkpoint) =>
            checkpoint is not null && _expected - 1 < checkpoint.Sequence
                ? Fail(AuditProblem.Truncated, _expected)
                : new AuditVerification(_checked, AuditProblem.None, null, _previous);

        private AuditVerification Fail(AuditProblem problem, long sequence) => new(_checked, problem, sequence, _previous);
    }
}
