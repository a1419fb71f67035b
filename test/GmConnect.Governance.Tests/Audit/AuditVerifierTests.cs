using FsCheck;
using FsCheck.Fluent;
using GmConnect.Governance.Audit;

namespace GmConnect.Governance.Tests.Audit;

public sealed class AuditVerifierTests
{
    [Fact]
    public void Verify_UntouchedChain_IsIntactAndReportsLastHash()
    {
        var chain = AuditSamples.Chain(20);

        var result = AuditVerifier.Verify(chain);

        Assert.True(result.IsIntact, result.Describe());
        Assert.Equal(20, result.EntriesChecked);
        Assert.Equal(chain[^1].Hash, result.LastHash);
    }

    [Fact]
    public void Verify_EmptyChain_IsIntact()
    {
        Assert.True(AuditVerifier.Verify([]).IsIntact);
    }

    [Fact]
    public void Seal_RecordedTime_IsTruncatedToMicroseconds()
    {
        var entry = AuditChain.Seal(AuditSamples.Record(1), 1, "x", AuditSamples.Start.AddTicks(1234567), AuditChain.GenesisHash);

        Assert.Equal(0, entry.Recorded.Ticks % 10);
        Assert.Equal(AuditSamples.Start.AddTicks(1234560), entry.Recorded);
    }

    [Fact]
    public void Verify_ChangedOutcome_PointsAtThatEntry()
    {
        var chain = AuditSamples.Chain(10);
        chain[4] = chain[4] with { Record = chain[4].Record with { Outcome = "permit-tampered" } };

        var result = AuditVerifier.Verify(chain);

        Assert.Equal(AuditProblem.Changed, result.Problem);
        Assert.Equal(5, result.Sequence);
    }

    [Fact]
    public void Verify_ChangedAndRehashedEntry_BreaksTheNextLink()
    {
        var chain = AuditSamples.Chain(10);
        var forged = chain[4] with { Record = chain[4].Record with { PractitionerId = "someone-else" } };
        chain[4] = forged with { Hash = AuditChain.ComputeHash(forged) };

        var result = AuditVerifier.Verify(chain);

        Assert.Equal(AuditProblem.BrokenLink, result.Problem);
        Assert.Equal(6, result.Sequence);
    }

    [Fact]
    public void Verify_DeletedEntry_ReportsItMissing()
    {
        var chain = AuditSamples.Chain(10);
        chain.RemoveAt(3);

        var result = AuditVerifier.Verify(chain);

        Assert.Equal(AuditProblem.Missing, result.Problem);
        Assert.Equal(4, result.Sequence);
    }

    [Fact]
    public void Verify_DeletedAndRenumbered_BreaksTheLink()
    {
        var chain = AuditSamples.Chain(10);
        chain.RemoveAt(3);
        for (var i = 3; i < chain.Count; i++)
        {
            chain[i] = chain[i] with { Sequence = i + 1 };
        }

        var result = AuditVerifier.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.Sequence);
    }

    [Fact]
    public void Verify_SwappedEntries_ReportsOutOfOrder()
    {
        var chain = AuditSamples.Chain(10);
        (chain[2], chain[3]) = (chain[3], chain[2]);

        var result = AuditVerifier.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(AuditProblem.Missing, result.Problem);
        Assert.Equal(3, result.Sequence);
    }

    [Fact]
    public void Verify_TruncatedTail_DetectedOnlyWithACheckpoint()
    {
        var chain = AuditSamples.Chain(10);
        var checkpoint = new AuditCheckpoint(10, chain[9].Hash);
        chain.RemoveRange(8, 2);

        Assert.True(AuditVerifier.Verify(chain).IsIntact);
        var result = AuditVerifier.Verify(chain, checkpoint);

        Assert.Equal(AuditProblem.Truncated, result.Problem);
        Assert.Equal(9, result.Sequence);
    }

    [Fact]
    public void Verify_WholeChainRewritten_DetectedByCheckpoint()
    {
        var original = AuditSamples.Chain(5);
        var checkpoint = new AuditCheckpoint(5, original[4].Hash);
        var rewritten = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        foreach (var entry in original)
        {
            var resealed = AuditChain.Seal(entry.Record with { Outcome = "rewritten" }, entry.Sequence, entry.Id, entry.Recorded, previous);
            rewritten.Add(resealed);
            previous = resealed.Hash;
        }

        Assert.True(AuditVerifier.Verify(rewritten).IsIntact);
        Assert.Equal(AuditProblem.Changed, AuditVerifier.Verify(rewritten, checkpoint).Problem);
    }

    /// <summary>Every single-field change to any entry of any chain is detected, at that entry.</summary>
    [Fact]
    public void Verify_AnyChangeToAnyField_IsDetectedAtThatEntry()
    {
        var property = Prop.ForAll(
            Gen.Choose(1, 30).SelectMany(n => Gen.Choose(0, n - 1).SelectMany(i => Gen.Choose(0, Mutations.Length - 1).Select(m => (n, i, m)))).ToArbitrary(),
            ((int Count, int Index, int Mutation) t) =>
            {
                var chain = AuditSamples.Chain(t.Count);
                chain[t.Index] = Mutations[t.Mutation](chain[t.Index]);
                var result = AuditVerifier.Verify(chain);
                return !result.IsIntact && result.Sequence == t.Index + 1;
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    /// <summary>Deleting any entry but the last, or swapping any two, is detected.</summary>
    [Fact]
    public void Verify_AnyDeletionOrSwap_IsDetected()
    {
        var property = Prop.ForAll(
            Gen.Choose(3, 30).SelectMany(n => Gen.Choose(0, n - 2).SelectMany(i => Gen.Choose(i + 1, n - 1).Select(j => (n, i, j)))).ToArbitrary(),
            ((int Count, int First, int Second) t) =>
            {
                var deleted = AuditSamples.Chain(t.Count);
                deleted.RemoveAt(t.First);
                var swapped = AuditSamples.Chain(t.Count);
                (swapped[t.First], swapped[t.Second]) = (swapped[t.Second], swapped[t.First]);
                return !AuditVerifier.Verify(deleted).IsIntact && !AuditVerifier.Verify(swapped).IsIntact;
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    private static readonly Func<AuditEntry, AuditEntry>[] Mutations =
    [
        e => e with { Sequence = e.Sequence + 100 },
        e => e with { Id = e.Id + "x" },
        e => e with { Recorded = e.Recorded.AddTicks(10) },
        e => e with { PreviousHash = new string('1', 64) },
        e => e with { Hash = new string('2', 64) },
        e => e with { Record = e.Record with { EventType = e.Record.EventType == AuditEventType.Read ? AuditEventType.Search : AuditEventType.Read } },
        e => e with { Record = e.Record with { Outcome = e.Record.Outcome + "!" } },
        e => e with { Record = e.Record with { PractitionerId = "forger" } },
        e => e with { Record = e.Record with { OrganisationId = "ods:XXX" } },
        e => e with { Record = e.Record with { Role = "gp" } },
        e => e with { Record = e.Record with { Purpose = "safeguarding" } },
        e => e with { Record = e.Record with { RequestId = null } },
        e => e with { Record = e.Record with { PersonIds = [] } },
        e => e with { Record = e.Record with { PersonIds = [.. e.Record.PersonIds, "person-2"] } },
        e => e with { Record = e.Record with { Resources = [] } },
        e => e with { Record = e.Record with { Resources = [e.Record.Resources[0] with { Outcome = "permit-changed" }] } },
        e => e with { Record = e.Record with { Resources = [e.Record.Resources[0] with { Reasons = [] }] } },
        e => e with { Record = e.Record with { Resources = [e.Record.Resources[0] with { CustodianId = "dfe:359" }] } },
        e => e with { Record = e.Record with { WithheldCount = e.Record.WithheldCount + 1 } },
        e => e with { Record = e.Record with { BreakGlassSessionId = e.Record.BreakGlassSessionId is null ? "bg-x" : null } },
        e => e with { Record = e.Record with { Detail = "changed" } },
    ];
}
