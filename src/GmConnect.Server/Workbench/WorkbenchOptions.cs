namespace GmConnect.Server.Workbench;

/// <summary>
/// The Looked After Children's Workbench in the browser (the <c>Workbench</c> configuration section): which data the
/// explorer reads. For the demo that is synthetic returns for the ten GM authorities, generated in memory at start-up.
/// </summary>
public sealed class WorkbenchOptions
{
    public const string Section = "Workbench";

    /// <summary>Generate synthetic 903 returns at start-up for the explorer. Default: true. Off, the explorer says it has no data.</summary>
    public bool SyntheticOnStartup { get; set; } = true;

    /// <summary>First collection year, by its end year. Default: 2016 (2015/16), so that ten years are shown.</summary>
    public int FirstEndYear { get; set; } = 2016;

    /// <summary>Last collection year, by its end year. Default: 2025 (2024/25).</summary>
    public int LastEndYear { get; set; } = 2025;

    /// <summary>Size multiplier (1 ≈ 8,000 children looked after across GM). Default: 1. Tests use less.</summary>
    public double Scale { get; set; } = 1.0;

    /// <summary>The generator's seed. Default: 903.</summary>
    public int Seed { get; set; } = 903;

    /// <summary>
    /// The key for pseudonymised child IDs, base64, at least 16 bytes. Default: none, and a random key is made at
    /// each start, so timeline links last as long as the process.
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Uploaded returns' reports kept in memory for download, oldest dropped first. Default: 50.</summary>
    public int UploadsKept { get; set; } = 50;

    /// <summary>Largest upload accepted, in bytes (all files together). Default: 100 MB.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    internal bool IsValid() =>
        FirstEndYear >= 2000 && LastEndYear <= 2030 && FirstEndYear <= LastEndYear && Scale is > 0 and <= 20 && UploadsKept > 0 && MaxUploadBytes > 0
        && (PseudonymKey is null || (Convert.TryFromBase64String(PseudonymKey, new byte[PseudonymKey.Length], out var n) && n >= 16));
}
