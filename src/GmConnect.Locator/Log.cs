using Microsoft.Extensions.Logging;

namespace GmConnect.Locator;

/// <summary>
/// The Locator's log messages, event ids 6000–6099. RecordPointer ids, organisation keys and counts only: never
/// identifiers, names or dates of birth.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Record types loaded: {Types} types in {Categories} categories")]
    public static partial void RecordTypesLoaded(ILogger logger, int types, int categories);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Debug, Message = "RecordPointer {PointerId} created by {OrganisationId} ({Type}); supersedes {Superseded}")]
    public static partial void PointerCreated(ILogger logger, string pointerId, string organisationId, string type, string? superseded);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "RecordPointer {Operation} by {OrganisationId} refused: {Refusal}")]
    public static partial void PointerRefused(ILogger logger, string operation, string organisationId, string refusal);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Debug, Message = "RecordPointer search: {Candidates} candidates, {Permitted} permitted, {Withheld} withheld")]
    public static partial void Searched(ILogger logger, int candidates, int permitted, int withheld);

    [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Involvement {InvolvementId} of {OrganisationId} {Change}")]
    public static partial void InvolvementChanged(ILogger logger, string involvementId, string organisationId, string change);

    [LoggerMessage(EventId = 6040, Level = LogLevel.Information, Message = "Demo pointers seeded: {Pointers} pointers and {Involvements} involvements for {People} people")]
    public static partial void DemoSeeded(ILogger logger, int pointers, int involvements, int people);

    [LoggerMessage(EventId = 6050, Level = LogLevel.Debug, Message = "Bulk upsert by {OrganisationId}: {Written} pointers written ({Created} created), {Refused} refused")]
    public static partial void BulkUpserted(ILogger logger, string organisationId, int written, int created, int refused);

    [LoggerMessage(EventId = 6051, Level = LogLevel.Information, Message = "Bulk upsert by {OrganisationId}: {Count} refused: {Refusal}")]
    public static partial void BulkRefused(ILogger logger, string organisationId, int count, string refusal);

    [LoggerMessage(EventId = 6052, Level = LogLevel.Warning, Message = "Bulk upsert by {OrganisationId}: the chunk's write failed; its {Count} drafts are redone one by one")]
    public static partial void BulkChunkRedone(ILogger logger, string organisationId, int count);

    [LoggerMessage(EventId = 6060, Level = LogLevel.Warning, Message = "Following the Identity Manager's changes failed ({Error}); trying again from the cursor")]
    public static partial void FollowFailed(ILogger logger, string error);
}
