using System.Data.Common;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
using GmConnect.Storage;

namespace GmConnect.Governance.Storage.Sql;

/// <summary>
/// A person's policy (labels, directives, involvements, break-glass sessions) in one command of four statements: one
/// round trip to PostgreSQL instead of four, on the path of every decision. Same statements and mappers as the
/// stores that write them.
/// </summary>
internal sealed class SqlSubjectPolicyReader(Store store) : ISubjectPolicyReader
{
    private const string Sql =
        SqlSubjectStore.LabelsSql + "; " + SqlDirectiveStore.ForPersonSql + "; " + SqlSubjectStore.InvolvementsSql + "; " + SqlBreakGlassStore.ForPersonSql;

    public async Task<SubjectPolicy> LoadAsync(string personId, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(Sql).With("person", personId);
            await using (command.ConfigureAwait(false))
            {
                if (store.Provider == StoreProvider.PostgreSql)
                {
                    // On the path of every decision: prepared once per physical connection (kept across the pool by
                    // Npgsql), so the four statements are not planned again per request.
                    await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                }

                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var labels = await ReadAllAsync(reader, SqlSubjectStore.ReadLabels, cancellationToken).ConfigureAwait(false);
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    List<ConsentDirective> directives = await ReadAllAsync(reader, SqlDirectiveStore.Read, cancellationToken).ConfigureAwait(false);
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    List<Involvement> involvements = await ReadAllAsync(reader, SqlSubjectStore.ReadInvolvement, cancellationToken).ConfigureAwait(false);
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    List<BreakGlassSession> sessions = await ReadAllAsync(reader, SqlBreakGlassStore.Read, cancellationToken).ConfigureAwait(false);
                    return new SubjectPolicy(personId, labels.Count == 0 ? SensitivityLabels.None : labels[0], directives, involvements, sessions);
                }
            }
        }
    }

    private static async Task<List<T>> ReadAllAsync<T>(DbDataReader reader, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(map(reader));
        }

        return result;
    }
}
