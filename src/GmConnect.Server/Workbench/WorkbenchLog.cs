namespace GmConnect.Server;

/// <summary>The Workbench pages' log messages (event ids 200–219): counts and timings only.</summary>
internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Information, "Workbench: synthetic data ready ({Returns} returns, {Children} children) in {Milliseconds} ms")]
    public static partial void WorkbenchDataReady(ILogger logger, int returns, int children, long milliseconds);

    [LoggerMessage(201, LogLevel.Error, "Workbench: synthetic data failed with {ExceptionType}; the explorer shows no data")]
    public static partial void WorkbenchDataFailed(ILogger logger, string exceptionType);

    [LoggerMessage(202, LogLevel.Information, "Workbench: return uploaded for one authority ({Tables} tables, {Rows} rows, {Errors} failures, {Messages} import messages)")]
    public static partial void WorkbenchUploadValidated(ILogger logger, int tables, int rows, int errors, int messages);
}
