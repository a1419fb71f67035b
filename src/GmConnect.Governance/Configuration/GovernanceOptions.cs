namespace GmConnect.Governance.Configuration;

/// <summary>Settings for Governance, validated at start-up.</summary>
public sealed class GovernanceOptions
{
    /// <summary>
    /// Folder of the shipped registries and agreements (<c>configs/governance</c>). Loaded into empty stores at
    /// start; null to start empty. Default: null.
    /// </summary>
    public string? ConfigDirectory { get; set; }

    /// <summary>The time zone whose calendar days agreement and involvement dates are in. Default: Europe/London.</summary>
    public string TimeZoneId { get; set; } = "Europe/London";

    /// <summary>How long a break-glass session lasts unless a shorter time is asked for. Default: 4 hours.</summary>
    public TimeSpan BreakGlassDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The longest break-glass session that may be asked for. Default: 4 hours.</summary>
    public TimeSpan MaxBreakGlassDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The most audit entries one search returns. Default: 1000.</summary>
    public int MaxAuditResults { get; set; } = 1000;

    /// <summary>Returns the problems with these settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BreakGlassDuration <= TimeSpan.Zero)
        {
            problems.Add("BreakGlassDuration must be positive.");
        }

        if (MaxBreakGlassDuration < BreakGlassDuration)
        {
            problems.Add("MaxBreakGlassDuration must be at least BreakGlassDuration.");
        }

        if (MaxAuditResults <= 0)
        {
            problems.Add("MaxAuditResults must be positive.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            problems.Add($"TimeZoneId '{TimeZoneId}' is not a known time zone.");
        }

        if (ConfigDirectory is not null && !Directory.Exists(ConfigDirectory))
        {
            problems.Add($"ConfigDirectory '{ConfigDirectory}' does not exist.");
        }

        return problems;
    }
}
