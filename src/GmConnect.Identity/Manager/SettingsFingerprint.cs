using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Linkage.Training;

namespace GmConnect.Identity.Manager;

/// <summary>
/// What a trained model depends on in the linkage settings, as a fingerprint stored with the model (<c>idm_model.settings_fingerprint</c>,
/// migration 0004): the comparisons (columns, transforms, placeholder values, term frequencies) and every parameter of every
/// level, the blocking rules and the training settings; and, when a level compares name variants, the name-variant table in
/// use (its pairs after <c>name_variant_origins_excluded</c>). A model whose fingerprint differs was trained under other
/// settings: its m and u describe other levels, even when the number of levels happens to agree.
/// </summary>
internal static class SettingsFingerprint
{
    public static string Of(LinkageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder("model-settings 1\n");
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var c in settings.Comparisons)
        {
            // Null values are a set: sorted, as set order is not stable between processes.
            Line($"comparison {c.Name}|{string.Join(',', c.Columns)}|{string.Join(',', c.Transforms)}|{c.Identifier}|{c.TermFrequency}|{c.TermFrequencyWeight:R}|{c.VetoElse}|{string.Join(',', c.NullValues.Order(StringComparer.Ordinal))}");
            foreach (var l in c.Levels)
            {
                Line($"  level {l.Kind}|{l.Label}|{l.Threshold:R}|{l.Max:R}|{l.Min}|{l.Window:R}|{l.Bigrams}|{l.With}|{l.Veto}|{l.FixedM:R}|{l.FixedU:R}");
            }
        }

        foreach (var rule in settings.BlockingRules)
        {
            Line($"rule {string.Join(" & ", rule)}");
        }

        // Only when a level reads the table, so that settings without one keep their fingerprint when the table changes.
        if (settings.Comparisons.Any(c => c.Levels.Any(l => l.Kind is LevelKind.NameVariant or LevelKind.NameVariantSlip)))
        {
            Line($"names {NameVariants.ContentFingerprint(settings.NameVariantOriginsExcluded)}");
        }

        var t = settings.Training;
        Line($"training {t.Seed}|{t.UMaxPairs}|{t.EmMaxIterations}|{t.EmTolerance:R}|{(t.EmBlockingRules is null ? "all" : string.Join(',', t.EmBlockingRules))}|{t.ProbabilityTwoRandomRecordsMatch:R}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Whether a model has the settings' comparisons with the same levels (names, number, labels) — all that can be checked
    /// of a model stored before fingerprints. Scoring with a model that fails this throws on every record.
    /// </summary>
    public static bool Fits(ModelParameters model, LinkageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var expected = DefaultModel.FromSettings(settings);
        if (model.ComparisonNames.Length != expected.ComparisonNames.Length)
        {
            return false;
        }

        for (var c = 0; c < expected.ComparisonNames.Length; c++)
        {
            if (model.ComparisonNames[c] != expected.ComparisonNames[c]
                || model.M[c].Length != expected.M[c].Length
                || !model.LevelLabels[c].AsSpan(1).SequenceEqual(expected.LevelLabels[c].AsSpan(1)))
            {
                return false;
            }
        }

        return true;
    }
}
