using System.Data.Common;
using System.Globalization;
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
        var sha = await BatchCheckpoint.HashFileAsync(path, cancellationToken);

        // Validate the header before anything is written.
        using var reader = PersonRecordCsvReader.Open(path);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // Line 1 is the header: a new import has done it.
        var batch = await BatchCheckpoint.FindOrStartAsync(connection, Format, fileName ?? Path.GetFileName(path), sha, 1, Now(), cancellationToken);
        if (batch.Completed)
        {
            Log.AlreadyImported(logger, batch.Id);
            return batch.ToResult(ImportOutcome.AlreadyImported);
        }

        var outcome = batch.Done > 1 ? ImportOutcome.Resumed : ImportOutcome.Imported;
        if (outcome == ImportOutcome.Resumed)
        {
            Log.ImportResumed(logger, batch.Id, batch.Done);
        }
        else
        {
            Log.ImportStarted(logger, batch.Id, Format);
        }

        // The next chunk is read and parsed while the one before it is committed (docs/adr/0017).
        var rows = await ChunkPipeline.RunAsync(
            reader.ReadRows(), ChunkSize, row => row.Line <= batch.Done, _ => 0,
            (chunk, _) => CommitChunkAsync(connection, batch, chunk, cancellationToken),
            read => progress?.Report(new ImportProgress(read, batch.Rejected, reader.Fraction)));
        await batch.CompleteAsync(connection, Now(), cancellationToken);
        progress?.Report(new ImportProgress(rows, batch.Rejected, 1.0));
        Log.ImportCompleted(logger, batch.Id, batch.Accepted, batch.Created, batch.Updated, batch.Unchanged, batch.Rejected);
        return batch.ToResult(outcome);
    }

    private const string RejectSql = "INSERT INTO integration_rejected_row (batch_id, line, errors, raw) VALUES (@b, @l, @e, @raw) ON CONFLICT DO NOTHING";

    private async Task CommitChunkAsync(DbConnection connection, BatchCheckpoint batch, List<PersonRecordRow> chunk, CancellationToken cancellationToken)
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
        batch.Add(await PersonRecordWriter.WriteAsync(store.Provider, connection, transaction, writer, batch.Id, Now(), accepted, cancellationToken));
        await batch.SaveAsync(writer, chunk[^1].Line, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A digest of the record's content: equal digests mean nothing changed.</summary>
    internal static string RowHash(PersonRecord record) => PersonRecordWriter.RowHash(record);

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
