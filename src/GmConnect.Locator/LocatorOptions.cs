namespace GmConnect.Locator;

/// <summary>The Locator's settings.</summary>
public sealed class LocatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Locator";

    /// <summary>The record types registry file. Default: <c>configs/locator/record-types.json</c> under the application's folder.</summary>
    public string RecordTypesFile { get; set; } = Path.Combine(AppContext.BaseDirectory, "configs", "locator", "record-types.json");

    /// <summary>The largest page a consumer search returns (default 100); larger requests are capped.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>
    /// How often involvements catch up with the Identity Manager's merges and unmerges (default 5 s; zero or less:
    /// never in the background, the host calls <see cref="Involvements.InvolvementFollower.CatchUpAsync"/> itself).
    /// </summary>
    public TimeSpan FollowIdentityInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The problems with these settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(RecordTypesFile))
        {
            problems.Add("RecordTypesFile: required");
        }

        if (MaxPageSize is < 1 or > 1000)
        {
            problems.Add("MaxPageSize: between 1 and 1000");
        }

        return problems;
    }
}
