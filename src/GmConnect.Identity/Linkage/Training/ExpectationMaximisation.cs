using GmConnect.Identity.Linkage.Scoring;

namespace GmConnect.Identity.Linkage.Training;

/// <summary>
/// Expectation–maximisation of m and the in-block match share λ over distinct comparison patterns,
/// with u held fixed (from random sampling), as in Fellegi–Sunter training without labels. Comparisons
/// that a session's blocking rule forces to agree are left out of that session: their agreement says
/// nothing there.
/// </summary>
internal sealed class ExpectationMaximisation
{
    private readonly (ulong Gamma, long Count)[] _patterns;
    private readonly bool[] _active;
    private readonly double[][] _u;
    private readonly bool[][] _fixedM;

    public ExpectationMaximisation((ulong Gamma, long Count)[] patterns, bool[] active, double[][] u, bool[][] fixedM)
    {
        _patterns = patterns;
        _active = active;
        _u = u;
        _fixedM = fixedM;
    }

    public double Lambda { get; private set; }

    public int Iterations { get; private set; }

    /// <summary>Posterior match probability of each pattern after the last iteration.</summary>
    public double[] Posterior { get; private set; } = [];

    /// <summary>Runs EM from the given m (updated in place for active comparisons) and λ.</summary>
    public void Run(double[][] m, double lambda, int maxIterations, double tolerance)
    {
        var comparisons = m.Length;
        var posterior = new double[_patterns.Length];
        for (Iterations = 1; Iterations <= maxIterations; Iterations++)
        {
            // E-step: P(match | pattern).
            var logPrior = Math.Log(lambda / (1 - lambda));
            for (var p = 0; p < _patterns.Length; p++)
            {
                var logRatio = logPrior;
                var gamma = _patterns[p].Gamma;
                for (var c = 0; c < comparisons; c++)
                {
                    var level = ComparisonVectors.LevelOf(gamma, c);
                    if (_active[c] && level != 0)
                    {
                        logRatio += Math.Log(m[c][level] / _u[c][level]);
                    }
                }

                posterior[p] = logRatio > 50 ? 1.0 : logRatio < -50 ? 0.0 : 1.0 / (1.0 + Math.Exp(-logRatio));
            }

            // M-step: λ and m from expected counts.
            double matches = 0, total = 0;
            var expected = m.Select(row => new double[row.Length]).ToArray();
            for (var p = 0; p < _patterns.Length; p++)
            {
                var count = _patterns[p].Count;
                var w = posterior[p] * count;
                matches += w;
                total += count;
                var gamma = _patterns[p].Gamma;
                for (var c = 0; c < comparisons; c++)
                {
                    expected[c][ComparisonVectors.LevelOf(gamma, c)] += w;
                }
            }

            var change = 0.0;
            var newLambda = Math.Clamp(matches / total, 1e-9, 1 - 1e-9);
            change = Math.Max(change, Math.Abs(newLambda - lambda));
            lambda = newLambda;
            for (var c = 0; c < comparisons; c++)
            {
                if (!_active[c])
                {
                    continue;
                }

                change = Math.Max(change, Update(m[c], expected[c], _fixedM[c]));
            }

            if (change < tolerance)
            {
                break;
            }
        }

        Iterations = Math.Min(Iterations, maxIterations);
        Lambda = lambda;
        Posterior = posterior;
    }

    // New m for the non-fixed levels of one comparison; fixed levels keep their share.
    private static double Update(double[] m, double[] expected, bool[] fixedLevels)
    {
        var fixedShare = 0.0;
        var free = 0.0;
        for (var l = 1; l < m.Length; l++)
        {
            if (fixedLevels[l])
            {
                fixedShare += m[l];
            }
            else
            {
                free += expected[l];
            }
        }

        if (free <= 0)
        {
            return 0;
        }

        var change = 0.0;
        for (var l = 1; l < m.Length; l++)
        {
            if (fixedLevels[l])
            {
                continue;
            }

            // A floor keeps every weight finite (a level no match showed is unlikely, not impossible).
            var value = Math.Max((1 - fixedShare) * expected[l] / free, 1e-6);
            change = Math.Max(change, Math.Abs(value - m[l]));
            m[l] = value;
        }

        return change;
    }
}
