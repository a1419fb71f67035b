namespace GmConnect.Identity.Linkage.Evaluation;

/// <summary>Precision, recall and F1 from counts.</summary>
public sealed record AccuracyFigures(long TruePositives, long Predicted, long Actual)
{
    /// <summary>Share of predicted that are true; 1 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 1.0 : (double)TruePositives / Predicted;

    /// <summary>Share of actual that were predicted; 1 when there is nothing to find.</summary>
    public double Recall => Actual == 0 ? 1.0 : (double)TruePositives / Actual;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
