namespace GmConnect.Notifications.Delivery;

/// <summary>How notifications are delivered. Validated at start (<see cref="Validate"/>).</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section, <c>Notifications</c>.</summary>
    public const string Section = "Notifications";

    /// <summary>How often the dispatcher looks for work. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts before a delivery goes to the dead-letter list. Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; doubled after each further one. Default 5 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts. Default 1 h.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one HTTP attempt may take. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries handled per pass. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Allow <c>http://</c> endpoints (tests and the embedded demo). Default false: notifications say which person
    /// has a new record, so they travel over TLS.
    /// </summary>
    public bool AllowInsecureEndpoints { get; set; }

    /// <summary>Every problem, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PollInterval <= TimeSpan.Zero || PollInterval > TimeSpan.FromMinutes(10))
        {
            problems.Add("Notifications:PollInterval must be between 0 and 10 minutes.");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add("Notifications:MaxAttempts must be between 1 and 100.");
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            problems.Add("Notifications:InitialBackoff must be positive and no more than MaxBackoff.");
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(2))
        {
            problems.Add("Notifications:RequestTimeout must be between 0 and 2 minutes.");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            problems.Add("Notifications:BatchSize must be between 1 and 10,000.");
        }

        return problems;
    }

    /// <summary>The wait after the <paramref name="failures"/>th failure: InitialBackoff × 2^(failures−1), at most MaxBackoff.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = InitialBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
