using Microsoft.Extensions.Logging;

namespace GmConnect.Repository;

/// <summary>
/// The Repository's log messages, event ids 6000–6099. Content ids, versions and counts only: never content,
/// person keys, dates of birth or identifiers.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Content {ContentId} version {Version} published ({Size} bytes)")]
    public static partial void Published(ILogger logger, string contentId, int version, long size);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Publish of content {ContentId} refused: {Outcome}")]
    public static partial void PublishRefused(ILogger logger, string contentId, string outcome);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Error, Message = "Content {ContentId} version {Version} failed its integrity check; not served")]
    public static partial void IntegrityFailure(ILogger logger, string contentId, int version);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Information, Message = "Legal hold on content {ContentId} {Change}")]
    public static partial void HoldChanged(ILogger logger, string contentId, string change);

    [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Retention sweep {Mode}: {Expired} expired, {Deleted} deleted, {Held} on legal hold")]
    public static partial void Swept(ILogger logger, string mode, int expired, int deleted, int held);
}
