namespace GmConnect.Server;

/// <summary>The host's log messages (event ids 100–199). Counts only, never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "First run: generating a synthetic demo population of {People} people (seed {Seed})")]
    public static partial void DemoGenerating(ILogger logger, int people, int seed);

    [LoggerMessage(101, LogLevel.Information, "Demo population: {Percent}% generated ({People} people, {Records} records)")]
    public static partial void DemoGenerationProgress(ILogger logger, int percent, long people, long records);

    [LoggerMessage(102, LogLevel.Information, "Demo population: loaded file {Index} of {Count} ({File}): {Accepted} records accepted, {Rejected} set aside")]
    public static partial void DemoFileLoaded(ILogger logger, int index, int count, string file, int accepted, int rejected);

    [LoggerMessage(103, LogLevel.Information, "Demo population ready: {People} people, {Records} agency records")]
    public static partial void DemoLoaded(ILogger logger, int people, long records);

    // FHIR API: 150–179.
    [LoggerMessage(150, LogLevel.Information, "FHIR request to {Path} refused with {Status}")]
    public static partial void FhirRequestRefused(ILogger logger, string path, int status);

    // The exception's type only: its message might carry a value from the request.
    [LoggerMessage(151, LogLevel.Error, "FHIR request to {Path} failed with {ExceptionType}")]
    public static partial void FhirRequestFailed(ILogger logger, string path, string exceptionType);

    [LoggerMessage(160, LogLevel.Warning, "Identity feed not started: no Identity Manager is registered")]
    public static partial void IdentityFeedNoIndex(ILogger logger);

    [LoggerMessage(161, LogLevel.Error, "Identity feed failed with {ExceptionType}; retrying after the poll interval")]
    public static partial void IdentityFeedFailed(ILogger logger, string exceptionType);

    [LoggerMessage(170, LogLevel.Information, "Locator demo: waiting for the identity feed before seeding pointers, involvements and content")]
    public static partial void LocatorDemoWaiting(ILogger logger);

    [LoggerMessage(171, LogLevel.Error, "Locator demo seed failed with {ExceptionType}")]
    public static partial void LocatorDemoFailed(ILogger logger, string exceptionType);
}
