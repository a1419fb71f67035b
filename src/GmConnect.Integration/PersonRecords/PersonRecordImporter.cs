using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using GmConnect.Integration.Batches;
using GmConnect.Integration.Storage;
using GmConnect.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Integration.PersonRecords;

/// <summary>
/// Imports person-records CSV files into Integration's landing store. Idempotent (a record whose
/// content has not changed is left alone; the same file twice is a no-op) and resumable (rows are
/// committed in chunks, and an interrupted import of the same file carries on after the last
/// committed line). Rejected rows are kept with their line, fields and raw text, never dropped.
/// Every created or changed record is appended to the change feed for the components downstream.
/// </summary>
public sealed class PersonRecordImporter(Store store, TimeProvider time, ILogger<PersonRecordImporter> logger)
{
    internal const string Format = "person-records/1";

    /// <summary>Rows per transaction: small enough to lose little on a crash, large enough to be fast.</summary>
    internal int ChunkSize { get; init; } = 5_000;

    /// <summary>Imports one file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="progress">Told after each committed chunk.</param>
    /// <param name="fileName">The name to record for the batch; default: the file's own name.</param>
    /// <param name="cancellationToken">Stops after the chunk in hand; a later import of the same file resumes.</param>
    /// <exception cref="CsvFormatException">The file's header is not a person-records header (nothing is written).</exception>
    public async Task<ImportResult> ImportAsync(string path, IProgress<ImportProgress>? progress = null, string? fileName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var sha = await HashFileAsync(path, cancellationToken);

        // Validate the header before anything is written.
        using var reader = PersonRecordCsvReader.Open(path);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var batch = await FindOrStartBatchAsync(connection, fileName ?? Path.GetFileName(path), sha, cancellationToken);
        if (batch.Completed)
        {
            Log.AlreadyImported(logger, batch.Id);
            return batch.ToResult(ImportOutcome.AlreadyImported);
        }

        var outcome = batch.LinesDone > 1 ? ImportOutcome.Resumed : ImportOutcome.Imported;
        if (outcome == ImportOutcome.Resumed)
        {
            Log.ImportResumed(logger, batch.Id, batch.LinesDone);
        }
        else
        {
            Log.ImportStarted(logger, batch.Id, Format);
        }

        // The next chunk is read and parsed while the one before it is committed (docs/adr/0017).
        var rows = await ChunkPipeline.RunAsync(
            reader.ReadRows(), ChunkSize, row => row.Line <= batch.LinesDone, _ => 0,
            (chunk, _) => CommitChunkAsync(connection, batch, chunk, cancellationToken),
            read => progress?.Report(new ImportProgress(read, batch.Rejected, reader.Fraction)));
        await connection.Command("UPDATE integration_import_batch SET status = 'completed', completed_at = @t WHERE id = @id")
            .With("t", Now()).With("id", batch.Id).ExecuteNonQueryAsync(cancellationToken);
        progress?.Report(new ImportProgress(rows, batch.Rejected, 1.0));
        Log.ImportCompleted(logger, batch.Id, batch.Accepted, batch.Created, batch.Updated, batch.Unchanged, batch.Rejected);
        return batch.ToResult(outcome);
    }

    private const string RejectSql = "INSERT INTO integration_rejected_row (batch_id, line, errors, raw) VALUES (@b, @l, @e, @raw) ON CONFLICT DO NOTHING";

    private async Task CommitChunkAsync(DbConnection connection, Batch batch, List<PersonRecordRow> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var writer = new SqlWriter(connection, transaction);
        var accepted = new List<PersonRecord>(chunk.Count);
        foreach (var row in chunk)
        {
            if (row.Record is not { } record)
            {
                var errors = JsonSerializer.Serialize(row.Errors.Select(e => new StoredError(e.Field, e.Message)), StoredError.JsonOptions);
                await writer.WriteAsync(RejectSql, [("b", batch.Id), ("l", row.Line), ("e", errors), ("raw", row.Raw)], cancellationToken);
                batch.Rejected++;
                continue;
            }

            accepted.Add(record);
        }

        batch.Accepted += accepted.Count;
        var counts = await PersonRecordWriter.WriteAsync(store.Provider, connection, transaction, writer, batch.Id, Now(), accepted, cancellationToken);
        batch.Created += counts.Created;
        batch.Updated += counts.Updated;
        batch.Unchanged += counts.Unchanged;

        batch.LinesDone = chunk[^1].Line;
        await writer.WriteAsync("""
            UPDATE integration_import_batch SET lines_done = @l, rows_accepted = @a, rows_rejected = @j, rows_created = @c,
                rows_updated = @u, rows_unchanged = @n WHERE id = @id
            """,
            [("l", batch.LinesDone), ("a", batch.Accepted), ("j", batch.Rejected), ("c", batch.Created), ("u", batch.Updated), ("n", batch.Unchanged), ("id", batch.Id)],
            cancellationToken);
        await writer.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A digest of the record's content: equal digests mean nothing changed.</summary>
    internal static string RowHash(PersonRecord record) => PersonRecordWriter.RowHash(record);

    private async Task<Batch> FindOrStartBatchAsync(DbConnection connection, string fileName, string sha, CancellationToken cancellationToken)
    {
        await using (var command = connection.Command("""
            SELECT id, status, lines_done, rows_accepted, rows_rejected, rows_created, rows_updated, rows_unchanged
            FROM integration_import_batch WHERE file_sha256 = @sha AND format = @f ORDER BY id DESC
            """).With("sha", sha).With("f", Format))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                int Int(int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
                return new Batch
                {
                    Id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                    Completed = reader.GetString(1) == "completed",
                    LinesDone = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                    Accepted = Int(3),
                    Rejected = Int(4),
                    Created = Int(5),
                    Updated = Int(6),
                    Unchanged = Int(7),
                };
            }
        }

        var id = await connection.Command("""
            INSERT INTO integration_import_batch (format, file_name, file_sha256, status, started_at)
            VALUES (@f, @n, @sha, 'running', @t) RETURNING id
            """).With("f", Format).With("n", fileName).With("sha", sha).With("t", Now()).ExecuteScalarAsync(cancellationToken);
        return new Batch { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture), LinesDone = 1 };
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private sealed class Batch
    {
        public long Id { get; init; }
        public bool Completed { get; init; }
        public long LinesDone { get; set; }
        public int Accepted { get; set; }
        public int Rejected { get; set; }
        public int Created { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }

        public ImportResult ToResult(ImportOutcome outcome) => new()
        {
            BatchId = Id,
            Outcome = outcome,
            Accepted = Accepted,
            Rejected = Rejected,
            Created = Created,
            Updated = Updated,
            Unchanged = Unchanged,
        };
    }
}
