using GmConnect.Governance.Audit;

namespace GmConnect.Governance.Storage;

/// <summary>Where the audit chain lives. Append is the only write; there is no update and no delete.</summary>
internal interface IAuditStore
{
    /// <summary>Appends a record after the current last entry, atomically with respect to other appenders.</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, DateTimeOffset recorded, CancellationToken cancellationToken = default);

    /// <summary>Every entry in stored sequence order (for verification).</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Entries matching the query, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
