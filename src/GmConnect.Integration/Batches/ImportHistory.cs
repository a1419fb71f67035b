using System.Globalization;
using System.Text.Json;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;

namespace GmConnect.Integration.Batches;

/// <summary>Reads what imports did: batches with their counts, and rejected rows with their reasons.</summary>
public sealed class ImportHistory(Store store)
{
    private const string BatchColumns = "id, format, file_name, status, started_at, completed_at, rows_accepted, rows_rejected, rows_created, rows_updated, rows_unchanged";

    /// <summary>The most recent batches first.</summary>
    public Task<IReadOnlyList<ImportBatch>> ListAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {BatchColumns} FROM integration_import_batch ORDER BY id DESC LIMIT @limit", "limit", limit, cancellationToken);

    /// <summary>One batch, or null when there is none with that id.</summary>
    public async Task<ImportBatch?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {BatchColumns} FROM integration_import_batch WHERE id = @id", "id", id, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<ImportBatch>> QueryAsync(string sql, string parameter, object value, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql).With(parameter, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batches = new List<ImportBatch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            int Int(int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
            batches.Add(new ImportBatch
            {
                Id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                Format = reader.GetString(1),
                FileName = reader.GetString(2),
                Status = reader.GetString(3),
                StartedAt = DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                CompletedAt = reader.GetNullableString(5) is { } done ? DateTimeOffset.Parse(done, CultureInfo.InvariantCulture) : null,
                Accepted = Int(6),
                Rejected = Int(7),
                Created = Int(8),
                Updated = Int(9),
                Unchanged = Int(10),
            });
        }

        return batches;
    }

    /// <summary>The rejected rows of a batch in line order, with their raw text.</summary>
    public async Task<IReadOnlyList<RejectedRow>> RejectedRowsAsync(long batchId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT line, errors, raw FROM integration_rejected_row WHERE batch_id = @b ORDER BY line").With("b", batchId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RejectedRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var errors = JsonSerializer.Deserialize<StoredError[]>(reader.GetString(1), StoredError.JsonOptions)!
                .Select(e => new RowError(line, e.Field, e.Message)).ToList();
            rows.Add(new RejectedRow(line, errors, reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>How many person records the landing store holds.</summary>
    public async Task<long> PersonRecordCountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return Convert.ToInt64(await connection.Command("SELECT COUNT(*) FROM integration_person_record").ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
