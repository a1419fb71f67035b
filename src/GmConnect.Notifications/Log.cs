using Microsoft.Extensions.Logging;

namespace GmConnect.Notifications;

/// <summary>
/// Notifications' log messages, event ids 6100–6199. Delivery, event and subscription ids, statuses and counts
/// only: never person keys, identifiers or endpoints' answers.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Notification {DeliveryId} delivered to subscription {SubscriptionId} (attempt {Attempt})")]
    public static partial void Delivered(ILogger logger, string deliveryId, string subscriptionId, int attempt);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Notification {DeliveryId} to subscription {SubscriptionId} failed (attempt {Attempt}: {Error}); next try in {Backoff}")]
    public static partial void Retrying(ILogger logger, string deliveryId, string subscriptionId, int attempt, string error, TimeSpan backoff);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Error, Message = "Notification {DeliveryId} to subscription {SubscriptionId} dead-lettered after {Attempts} attempts ({Error})")]
    public static partial void DeadLettered(ILogger logger, string deliveryId, string subscriptionId, int attempts, string error);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Notification {DeliveryId} to subscription {SubscriptionId} withheld by Governance ({Reason})")]
    public static partial void Withheld(ILogger logger, string deliveryId, string subscriptionId, string reason);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Error, Message = "Notification dispatch pass failed ({Error}); trying again next interval")]
    public static partial void PassFailed(ILogger logger, string error);
}
