namespace GmConnect.Identity;

/// <summary>Options of the Identity Manager, validated at start-up (<see cref="Validate"/>).</summary>
public sealed class IdentityManagerOptions
{
    /// <summary>The linkage settings (JSON). Null: the shipped person model, <c>configs/linkage/uk-person.json</c>.</summary>
    public string? SettingsPath { get; set; }

    /// <summary>At or above this match probability a new record links to its best candidate's person. Default 0.99 (the batch engine's threshold).</summary>
    public double UpperThreshold { get; set; } = 0.99;

    /// <summary>Between this and <see cref="UpperThreshold"/> a record founds its own person and a review task opens. Default 0.80.</summary>
    public double LowerThreshold { get; set; } = 0.80;

    /// <summary>With no stored model, the index trains one once it holds at least this many records. Default 1,000.</summary>
    public int MinRecordsToTrain { get; set; } = 1_000;

    /// <summary>Most candidate records (from the blocking index) scored for one record. Default 1,000.</summary>
    public int MaxCandidates { get; set; } = 1_000;

    /// <summary>
    /// A fuzzy search takes every record sharing one of the query's values exactly (a birth date, a rare surname, a
    /// postcode) as a candidate when at most this many share it; a longer list (a common surname, a sex) is walked only
    /// when nothing else gives a candidate. Default 250 (a birth date is shared by about 60 of 2.16 million records).
    /// </summary>
    public int FuzzyFieldListLimit { get; set; } = 250;

    /// <summary>Most records of one candidate person checked for a confident non-match. Default 200.</summary>
    public int MaxRecordsPerPerson { get; set; } = 200;

    /// <summary>
    /// When the newest stored model was trained under other linkage settings than <see cref="SettingsPath"/> (the shipped
    /// settings changed, or the path points elsewhere): true (default) retrains at start-up on the stored records (or,
    /// with fewer than <see cref="MinRecordsToTrain"/>, uses the settings' model until there are enough); false refuses to
    /// start, naming what to run.
    /// </summary>
    public bool RetrainOnSettingsChange { get; set; } = true;

    /// <summary>What is wrong with the options; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(LowerThreshold > 0 && LowerThreshold < 1))
        {
            errors.Add($"LowerThreshold must lie strictly between 0 and 1 (is {LowerThreshold}).");
        }

        if (!(UpperThreshold > 0 && UpperThreshold < 1))
        {
            errors.Add($"UpperThreshold must lie strictly between 0 and 1 (is {UpperThreshold}).");
        }

        if (!(LowerThreshold < UpperThreshold))
        {
            errors.Add($"LowerThreshold ({LowerThreshold}) must be below UpperThreshold ({UpperThreshold}).");
        }

        if (MinRecordsToTrain < 2)
        {
            errors.Add($"MinRecordsToTrain must be at least 2 (is {MinRecordsToTrain}).");
        }

        if (MaxCandidates < 1)
        {
            errors.Add($"MaxCandidates must be at least 1 (is {MaxCandidates}).");
        }

        if (FuzzyFieldListLimit < 0)
        {
            errors.Add($"FuzzyFieldListLimit must be at least 0 (is {FuzzyFieldListLimit}).");
        }

        if (MaxRecordsPerPerson < 1)
        {
            errors.Add($"MaxRecordsPerPerson must be at least 1 (is {MaxRecordsPerPerson}).");
        }

        if (SettingsPath is not null && !File.Exists(SettingsPath))
        {
            errors.Add($"SettingsPath '{SettingsPath}' does not exist.");
        }

        return errors;
    }
}
