using GmConnect.Governance.Audit;
using GmConnect.Governance.Storage.Sql;
using GmConnect.Storage;

namespace GmConnect.Governance.Storage;

/// <summary>Verifies the audit chain kept in a store (for <c>gmc audit verify</c>). Reads only; at most it creates the empty migration history table.</summary>
public static class AuditStoreVerifier
{
    /// <summary>
    /// Reads the store's audit chain in sequence order and reports the first broken link. The store must already
    /// hold Governance's schema (a <see cref="MigrationRunner"/> has run); this never migrates.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(Store store, AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var status = await new MigrationRunner(store, [GovernanceMigrations.Source], TimeProvider.System).StatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.Single().Current == 0)
        {
            throw new InvalidOperationException($"{store.Description} holds no Governance schema (and so no audit trail): start the server against it first.");
        }

        var audit = new SqlAuditStore(store);
        return await AuditVerifier.VerifyAsync(audit.ReadAllAsync(cancellationToken), checkpoint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses a checkpoint written as <c>sequence:hash</c>.</summary>
    public static bool TryParseCheckpoint(string? text, out AuditCheckpoint? checkpoint)
    {
        checkpoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            || text.Length - colon - 1 != 64)
        {
            return false;
        }

        checkpoint = new AuditCheckpoint(sequence, text[(colon + 1)..].ToLowerInvariant());
        return true;
    }
}
