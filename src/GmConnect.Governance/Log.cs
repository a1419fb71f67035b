using Microsoft.Extensions.Logging;

namespace GmConnect.Governance;

/// <summary>
/// Governance's log messages, event ids 5000–5099. Keys and counts only: never names, dates of birth,
/// identifiers or free text.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Governance loaded: {Organisations} organisations, {Practitioners} practitioners, {Agreements} agreements")]
    public static partial void Loaded(ILogger logger, int organisations, int practitioners, int agreements);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Governance seeded from configuration: {Organisations} organisations, {Roles} roles, {Practitioners} practitioners, {Agreements} agreements")]
    public static partial void Seeded(ILogger logger, int organisations, int roles, int practitioners, int agreements);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Break-glass session {SessionId} opened by practitioner {PractitionerId} of {OrganisationId} ({Justification}), expires {ExpiresAt:o}")]
    public static partial void BreakGlassOpened(ILogger logger, string sessionId, string practitionerId, string organisationId, string justification, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "IG alert to {OrganisationId} ({Contact}): break-glass session {SessionId} by practitioner {PractitionerId} of {RequesterOrganisationId}")]
    public static partial void IgAlert(ILogger logger, string organisationId, string contact, string sessionId, string practitionerId, string requesterOrganisationId);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Debug, Message = "Filtered {Candidates} candidates: {Permitted} permitted, {Withheld} withheld ({Concealed} concealed)")]
    public static partial void Filtered(ILogger logger, int candidates, int permitted, int withheld, int concealed);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Error, Message = "Audit chain verification failed: {Problem} at entry {Sequence}")]
    public static partial void AuditBroken(ILogger logger, string problem, long? sequence);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information, Message = "Audit chain intact: {Entries} entries")]
    public static partial void AuditIntact(ILogger logger, long entries);
}
