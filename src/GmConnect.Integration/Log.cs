using Microsoft.Extensions.Logging;

namespace GmConnect.Integration;

/// <summary>Integration's log messages (event ids 1000–1099). Counts and keys only, never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Import batch {BatchId} started ({Format})")]
    public static partial void ImportStarted(ILogger logger, long batchId, string format);

    [LoggerMessage(1001, LogLevel.Information, "Import batch {BatchId} resumed after line {Line}")]
    public static partial void ImportResumed(ILogger logger, long batchId, long line);

    [LoggerMessage(1002, LogLevel.Information, "Import batch {BatchId} completed: {Accepted} accepted ({Created} new, {Updated} changed, {Unchanged} unchanged), {Rejected} rejected")]
    public static partial void ImportCompleted(ILogger logger, long batchId, int accepted, int created, int updated, int unchanged, int rejected);

    [LoggerMessage(1003, LogLevel.Information, "File already imported as batch {BatchId}; nothing to do")]
    public static partial void AlreadyImported(ILogger logger, long batchId);

    // Identity feed: 1050–1059.
    [LoggerMessage(1050, LogLevel.Information, "Identity feed caught up: {Changes} changes, {Submitted} records submitted ({Unchanged} already held), cursor at {Cursor}")]
    public static partial void IdentityFeedCaughtUp(ILogger logger, int changes, int submitted, int unchanged, long cursor);

    [LoggerMessage(1051, LogLevel.Information, "Identity feed waits at a gap in the change sequence before {Seq}")]
    public static partial void IdentityFeedGap(ILogger logger, long seq);
}
