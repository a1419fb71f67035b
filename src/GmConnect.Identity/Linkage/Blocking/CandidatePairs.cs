namespace GmConnect.Identity.Linkage.Blocking;

/// <summary>
/// The candidate pairs from blocking, each once (left &lt; right), with a bit per blocking rule whose
/// keys the pair agrees on (used to train each rule's EM session on its own pairs).
/// </summary>
internal sealed class CandidatePairs
{
    public CandidatePairs(int[] left, int[] right, ushort[] rules, int count, long[] pairsPerRule, long[]? skippedBlocksPerRule = null)
    {
        SkippedBlocksPerRule = skippedBlocksPerRule ?? new long[pairsPerRule.Length];
        Left = left;
        Right = right;
        Rules = rules;
        Count = count;
        PairsPerRule = pairsPerRule;
    }

    public int[] Left { get; }

    public int[] Right { get; }

    public ushort[] Rules { get; }

    public int Count { get; }

    /// <summary>Pairs that each rule's keys agree on (a pair can count under several rules).</summary>
    public long[] PairsPerRule { get; }

    /// <summary>Blocks each rule skipped because they held more records than the settings' <c>max_block_size</c>.</summary>
    public long[] SkippedBlocksPerRule { get; }
}
