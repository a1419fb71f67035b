namespace GmConnect.Server.Hosting;

/// <summary>The demo population loaded on first run (the <c>Demo</c> configuration section).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load a demo population when the store holds no records yet. Default: true.</summary>
    public bool SeedOnFirstRun { get; set; } = true;

    /// <summary>People in the demo population. Default: 20,000 (about 70,000 agency records; a few seconds).</summary>
    public int People { get; set; } = 20_000;

    /// <summary>The generator's seed; the same seed gives the same population. Default: 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Where the generated CSV files are written. Default: <c>data/demo</c>.</summary>
    public string Directory { get; set; } = "data/demo";
}
