using Microsoft.Extensions.Logging;

namespace GmConnect.Identity;

/// <summary>
/// The Identity Manager's log messages, event ids 4000–4099. Keys and counts only: never names, dates of birth,
/// identifiers or free text.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Identity index rebuilt from the store: {Records} records, {Persons} persons, model {ModelVersion} ({ModelOrigin}) in {ElapsedMs} ms")]
    public static partial void Rebuilt(ILogger logger, int records, int persons, string modelVersion, string modelOrigin, long elapsedMs);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Identity model {ModelVersion} stored ({ModelOrigin}, trained on {Records} records)")]
    public static partial void ModelStored(ILogger logger, string modelVersion, string modelOrigin, long records);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Identity index rebuild: {Restored} records from their stored prepared form, {Prepared} prepared afresh")]
    public static partial void RebuildPreparation(ILogger logger, int restored, int prepared);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Identity index rebuild: a stored prepared form differs from the record prepared now (other code or settings made it); preparing every record afresh")]
    public static partial void PreparedFormsStale(ILogger logger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Identity index: prepared forms stored for {Records} record versions that had none (or stale ones)")]
    public static partial void PreparedFormsStored(ILogger logger, int records);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Identity model {ModelVersion} ({ModelOrigin}) was trained under other linkage settings than the ones in use; retraining: {Retrain}")]
    public static partial void ModelFromOtherSettings(ILogger logger, int modelVersion, string modelOrigin, bool retrain);

    // No record or person identifier: the exchange logs no personal data (the store's history has the detail).
    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "Record from {Source}: {Decision}")]
    public static partial void Matched(ILogger logger, string source, string decision);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug, Message = "Batch of {Records} records submitted in one transaction ({Changed} new or changed)")]
    public static partial void BatchSubmitted(ILogger logger, int records, int changed);

    // The person is found through the history entry (its sequence), not named in the log.
    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Steward {StewardId}: {Kind} (history {Sequence})")]
    public static partial void StewardChange(ILogger logger, string stewardId, string kind, long sequence);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Bulk load: {Records} records into {Persons} persons ({Reused} person ids kept from before)")]
    public static partial void BulkLoaded(ILogger logger, int records, int persons, int reused);
}
