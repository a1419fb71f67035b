using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Linkage.Training;

/// <summary>
/// Models for an index that has no trained one yet: from the settings alone (their fixed m and u, with plain
/// defaults for the levels they leave free), or trained without labels on the records at hand.
/// </summary>
internal static class DefaultModel
{
    /// <summary>
    /// m: the settings' fixed values, the engine's starting values elsewhere. u: the settings' fixed values; else a
    /// valid identifier agreeing 1e-6, one disagreeing 0.5; an exact level 0.01 (0.5 when it is the comparison's
    /// only level, as for sex); every other level 0.02; "else" takes the rest. Prior: the settings' or 1e-4.
    /// A stop-gap until there are records to train on: we would rather under-link than guess.
    /// </summary>
    public static ModelParameters FromSettings(LinkageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var comparisons = settings.Comparisons.Select((c, i) => new Comparison(c, i, null)).ToArray();
        var m = Trainer.InitialM(comparisons);
        var u = new double[comparisons.Length][];
        for (var c = 0; c < comparisons.Length; c++)
        {
            var comparison = comparisons[c];
            var count = comparison.LevelCount;
            u[c] = new double[count];
            var used = 0.0;
            for (var l = 1; l < count - 1; l++)
            {
                var level = comparison.LevelSettings(l)!;
                u[c][l] = level.FixedU ?? level.Kind switch
                {
                    LevelKind.IdentifierAgree => 1e-6,
                    LevelKind.IdentifierDisagree => 0.5,
                    LevelKind.Exact => count == 3 ? 0.5 : 0.01,
                    _ => 0.02,
                };
                used += u[c][l];
            }

            u[c][count - 1] = Math.Max(1 - used, 0.01);
        }

        var labels = comparisons.Select(c => Enumerable.Range(0, c.LevelCount).Select(c.LevelLabel).ToArray()).ToArray();
        var prior = settings.Training.ProbabilityTwoRandomRecordsMatch ?? 1e-4;
        return new ModelParameters(prior, [.. comparisons.Select(c => c.Name)], labels, m, u);
    }

    /// <summary>Trains a model without labels on the records in the table (the batch engine's training, no clustering).</summary>
    public static ModelParameters Train(LinkageSettings settings, RecordTable records)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(records);
        var prepared = PreparedRecords.Prepare(settings, records);
        var blocker = new Blocker(settings);
        var pairs = blocker.Pairs(prepared, blocker.KeyHashes(prepared));
        var gammas = ComparisonVectors.ComputeAll(prepared, pairs);
        return Trainer.Train(settings, prepared, blocker, pairs, gammas);
    }
}
