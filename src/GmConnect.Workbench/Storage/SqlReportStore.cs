using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using GmConnect.Storage;
using GmConnect.Workbench.Reports;

namespace GmConnect.Workbench.Storage;

/// <summary>Reports, their versions, drafts and shares in SQLite or PostgreSQL (tables <c>wb_report*</c>).</summary>
internal sealed class SqlReportStore(Store store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private const string VersionColumns = "report_id, number, title, blocks, data_version, saved_by, saved_us, note, restored_from";

    // Sharing, in SQL: a person by id, an organisation, or a role within an organisation (ReportReader.IsReachedBy).
    private const string ReachesReader =
        "((s.kind = 'person' AND s.practitioner_id = @me) OR (s.kind = 'organisation' AND s.organisation_id = @org) " +
        "OR (s.kind = 'role' AND s.organisation_id = @org AND s.role = @role))";

    public async Task CreateAsync(Report report, ReportVersion first, ReportDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.Command("INSERT INTO wb_report (id, owner_id, created_us, latest_version) VALUES (@id, @owner, @created, @latest)", transaction)
            .With("id", report.Id).With("owner", report.OwnerId).With("created", Micros(report.CreatedAt)).With("latest", report.LatestVersion))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertVersionAsync(connection, transaction, first, cancellationToken).ConfigureAwait(false);
        await UpsertDraftAsync(connection, transaction, draft, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Report?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        string owner;
        DateTimeOffset created;
        int latest;
        await using (var command = connection.Command("SELECT owner_id, created_us, latest_version FROM wb_report WHERE id = @id").With("id", id))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            owner = reader.GetString(0);
            created = FromMicros(reader.GetInt64(1));
            latest = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
        }

        var shares = new List<ReportShare>();
        await using (var command = connection.Command(
            "SELECT kind, practitioner_id, organisation_id, role, granted_by, granted_us FROM wb_report_share WHERE report_id = @id ORDER BY granted_us, share_key").With("id", id))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                shares.Add(new ReportShare(ParseKind(reader.GetString(0)), reader.GetNullableString(1), reader.GetNullableString(2), reader.GetNullableString(3))
                {
                    GrantedBy = reader.GetString(4),
                    GrantedAt = FromMicros(reader.GetInt64(5)),
                });
            }
        }

        return new Report(id, owner, created, latest, shares);
    }

    /// <summary>The reports a reader owns, and those shared with them (not their own), latest saved first.</summary>
    public async Task<(IReadOnlyList<ReportSummary> Mine, IReadOnlyList<ReportSummary> Shared)> ListAsync(ReportReader reader, CancellationToken cancellationToken)
    {
        const string Select =
            "SELECT r.id, r.owner_id, v.title, r.latest_version, v.saved_by, v.saved_us, (SELECT COUNT(*) FROM wb_report_share c WHERE c.report_id = r.id) " +
            "FROM wb_report r JOIN wb_report_version v ON v.report_id = r.id AND v.number = r.latest_version ";
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var mine = await SummariesAsync(connection.Command(Select + "WHERE r.owner_id = @me ORDER BY v.saved_us DESC, r.id").With("me", reader.PractitionerId), cancellationToken).ConfigureAwait(false);
        var shared = await SummariesAsync(
            connection.Command(Select + $"WHERE r.owner_id <> @me AND EXISTS (SELECT 1 FROM wb_report_share s WHERE s.report_id = r.id AND {ReachesReader}) ORDER BY v.saved_us DESC, r.id")
                .With("me", reader.PractitionerId).With("org", reader.OrganisationId).With("role", reader.Role),
            cancellationToken).ConfigureAwait(false);
        return (mine, shared);
    }

    public async Task<ReportVersion?> GetVersionAsync(string id, int number, CancellationToken cancellationToken)
    {
        var found = await VersionsAsync("WHERE report_id = @id AND number = @number", cancellationToken, ("id", id), ("number", number)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Every version, newest first.</summary>
    public Task<IReadOnlyList<ReportVersion>> ListVersionsAsync(string id, CancellationToken cancellationToken) =>
        VersionsAsync("WHERE report_id = @id ORDER BY number DESC", cancellationToken, ("id", id));

    public async Task<ReportDraft?> GetDraftAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT title, blocks, updated_us FROM wb_report_draft WHERE report_id = @id").With("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ReportDraft(id, reader.GetString(0), ReadBlocks(reader.GetString(1)), FromMicros(reader.GetInt64(2)))
            : null;
    }

    public async Task PutDraftAsync(ReportDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await UpsertDraftAsync(connection, null, draft, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a new version if the latest is still <paramref name="expectedLatest"/> (false otherwise: someone saved in
    /// between), and with it the draft given, in one transaction.
    /// </summary>
    public async Task<bool> AppendVersionAsync(ReportVersion version, int expectedLatest, ReportDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var move = connection.Command("UPDATE wb_report SET latest_version = @number WHERE id = @id AND latest_version = @expected", transaction)
            .With("number", version.Number).With("id", version.ReportId).With("expected", expectedLatest))
        {
            if (await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await InsertVersionAsync(connection, transaction, version, cancellationToken).ConfigureAwait(false);
        await UpsertDraftAsync(connection, transaction, draft, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Adds a share; false when the report already has one with the same key.</summary>
    public async Task<bool> AddShareAsync(string id, ReportShare share, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO wb_report_share (report_id, share_key, kind, practitioner_id, organisation_id, role, granted_by, granted_us) " +
            "VALUES (@id, @key, @kind, @practitioner, @organisation, @role, @by, @at) ON CONFLICT (report_id, share_key) DO NOTHING")
            .With("id", id).With("key", share.Key).With("kind", KindName(share.Kind)).With("practitioner", share.PractitionerId)
            .With("organisation", share.OrganisationId).With("role", share.Role).With("by", share.GrantedBy).With("at", Micros(share.GrantedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> RemoveShareAsync(string id, string key, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM wb_report_share WHERE report_id = @id AND share_key = @key").With("id", id).With("key", key);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    internal static string WriteBlocks(IReadOnlyList<ReportBlock> blocks) => JsonSerializer.Serialize(blocks, Json);

    internal static IReadOnlyList<ReportBlock> ReadBlocks(string json) => JsonSerializer.Deserialize<List<ReportBlock>>(json, Json) ?? [];

    private async Task<IReadOnlyList<ReportVersion>> VersionsAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {VersionColumns} FROM wb_report_version {where}");
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<ReportVersion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new ReportVersion(
                reader.GetString(0),
                Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2),
                ReadBlocks(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                FromMicros(reader.GetInt64(6)),
                reader.GetNullableString(7),
                reader.IsDBNull(8) ? null : Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return found;
    }

    private static async Task<IReadOnlyList<ReportSummary>> SummariesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var found = new List<ReportSummary>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(new ReportSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(4), FromMicros(reader.GetInt64(5)),
                    Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return found;
        }
    }

    private static async Task InsertVersionAsync(DbConnection connection, DbTransaction transaction, ReportVersion v, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"INSERT INTO wb_report_version ({VersionColumns}) VALUES (@id, @number, @title, @blocks, @data, @by, @at, @note, @restored)", transaction)
            .With("id", v.ReportId).With("number", v.Number).With("title", v.Title).With("blocks", WriteBlocks(v.Blocks)).With("data", v.DataVersion)
            .With("by", v.SavedBy).With("at", Micros(v.SavedAt)).With("note", v.Note).With("restored", v.RestoredFrom);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpsertDraftAsync(DbConnection connection, DbTransaction? transaction, ReportDraft d, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "INSERT INTO wb_report_draft (report_id, title, blocks, updated_us) VALUES (@id, @title, @blocks, @at) " +
            "ON CONFLICT (report_id) DO UPDATE SET title = excluded.title, blocks = excluded.blocks, updated_us = excluded.updated_us", transaction)
            .With("id", d.ReportId).With("title", d.Title).With("blocks", WriteBlocks(d.Blocks)).With("at", Micros(d.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string KindName(ReportShareKind kind) => kind switch
    {
        ReportShareKind.Person => "person",
        ReportShareKind.Organisation => "organisation",
        _ => "role",
    };

    private static ReportShareKind ParseKind(string kind) => kind switch
    {
        "person" => ReportShareKind.Person,
        "organisation" => ReportShareKind.Organisation,
        "role" => ReportShareKind.Role,
        _ => throw new InvalidOperationException($"Unknown share kind '{kind}' in wb_report_share."),
    };

    private static long Micros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static DateTimeOffset FromMicros(long us) => DateTimeOffset.UnixEpoch.AddTicks(us * 10);
}
