using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

        var chunk = new List<PersonRecordRow>(ChunkSize);
        long rows = 0;
        foreach (var row in reader.ReadRows())
        {
            rows++;
            if (row.Line <= batch.LinesDone)
            {
                continue;
            }

            chunk.Add(row);
            if (chunk.Count == ChunkSize)
            {
                await CommitChunkAsync(connection, batch, chunk, cancellationToken);
                chunk.Clear();
                progress?.Report(new ImportProgress(rows, batch.Rejected, reader.Fraction));
            }
        }

        await CommitChunkAsync(connection, batch, chunk, cancellationToken);
        await connection.Command("UPDATE integration_import_batch SET status = 'completed', completed_at = @t WHERE id = @id")
            .With("t", Now()).With("id", batch.Id).ExecuteNonQueryAsync(cancellationToken);
        progress?.Report(new ImportProgress(rows, batch.Rejected, 1.0));
        Log.ImportCompleted(logger, batch.Id, batch.Accepted, batch.Created, batch.Updated, batch.Unchanged, batch.Rejected);
        return batch.ToResult(outcome);
    }

    private async Task CommitChunkAsync(DbConnection connection, Batch batch, List<PersonRecordRow> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = Now();
        await using var find = connection.Command("SELECT row_hash, version FROM integration_person_record WHERE source = @s AND record_id = @r", transaction)
            .With("s", "").With("r", "");
        await using var insert = connection.Command("""
            INSERT INTO integration_person_record (source, record_id, nhs_number, upn, nino, pnc_id, given_name, middle_names, family_name,
                sex, date_of_birth, postcode, address, phone, email, recorded_on, row_hash, version, batch_id, received_at)
            VALUES (@source, @record_id, @nhs_number, @upn, @nino, @pnc_id, @given_name, @middle_names, @family_name,
                @sex, @date_of_birth, @postcode, @address, @phone, @email, @recorded_on, @row_hash, 1, @batch_id, @received_at)
            """, transaction);
        await using var update = connection.Command("""
            UPDATE integration_person_record SET nhs_number = @nhs_number, upn = @upn, nino = @nino, pnc_id = @pnc_id, given_name = @given_name,
                middle_names = @middle_names, family_name = @family_name, sex = @sex, date_of_birth = @date_of_birth, postcode = @postcode,
                address = @address, phone = @phone, email = @email, recorded_on = @recorded_on, row_hash = @row_hash, version = version + 1,
                batch_id = @batch_id, received_at = @received_at
            WHERE source = @source AND record_id = @record_id
            """, transaction);
        foreach (var command in new[] { insert, update })
        {
            foreach (var name in RecordParameters)
            {
                command.With(name, null);
            }
        }

        await using var change = connection.Command("INSERT INTO integration_change (source, record_id, kind, version, batch_id) VALUES (@s, @r, @k, @v, @b)", transaction)
            .With("s", "").With("r", "").With("k", "").With("v", 0).With("b", batch.Id);
        await using var reject = connection.Command("INSERT INTO integration_rejected_row (batch_id, line, errors, raw) VALUES (@b, @l, @e, @raw) ON CONFLICT DO NOTHING", transaction)
            .With("b", batch.Id).With("l", 0L).With("e", "").With("raw", "");

        foreach (var row in chunk)
        {
            if (row.Record is not { } record)
            {
                reject.Parameters["l"].Value = row.Line;
                reject.Parameters["e"].Value = JsonSerializer.Serialize(row.Errors.Select(e => new StoredError(e.Field, e.Message)), StoredError.JsonOptions);
                reject.Parameters["raw"].Value = row.Raw;
                await reject.ExecuteNonQueryAsync(cancellationToken);
                batch.Rejected++;
                continue;
            }

            batch.Accepted++;
            var hash = RowHash(record);
            find.Parameters["s"].Value = record.Source;
            find.Parameters["r"].Value = record.RecordId;
            string? existingHash = null;
            var version = 0;
            await using (var found = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (await found.ReadAsync(cancellationToken))
                {
                    existingHash = found.GetString(0);
                    version = Convert.ToInt32(found.GetValue(1), CultureInfo.InvariantCulture);
                }
            }

            if (existingHash == hash)
            {
                batch.Unchanged++;
                continue;
            }

            var target = existingHash is null ? insert : update;
            Bind(target, record, hash, batch.Id, now);
            await target.ExecuteNonQueryAsync(cancellationToken);
            change.Parameters["s"].Value = record.Source;
            change.Parameters["r"].Value = record.RecordId;
            change.Parameters["k"].Value = existingHash is null ? "created" : "updated";
            change.Parameters["v"].Value = version + 1;
            await change.ExecuteNonQueryAsync(cancellationToken);
            if (existingHash is null)
            {
                batch.Created++;
            }
            else
            {
                batch.Updated++;
            }
        }

        batch.LinesDone = chunk[^1].Line;
        await connection.Command("""
            UPDATE integration_import_batch SET lines_done = @l, rows_accepted = @a, rows_rejected = @j, rows_created = @c,
                rows_updated = @u, rows_unchanged = @n WHERE id = @id
            """, transaction)
            .With("l", batch.LinesDone).With("a", batch.Accepted).With("j", batch.Rejected).With("c", batch.Created)
            .With("u", batch.Updated).With("n", batch.Unchanged).With("id", batch.Id)
            .ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static readonly string[] RecordParameters =
    [
        "source", "record_id", "nhs_number", "upn", "nino", "pnc_id", "given_name", "middle_names", "family_name", "sex",
        "date_of_birth", "postcode", "address", "phone", "email", "recorded_on", "row_hash", "batch_id", "received_at",
    ];

    private static void Bind(DbCommand command, PersonRecord record, string hash, long batchId, string now)
    {
        var p = command.Parameters;
        p["source"].Value = record.Source;
        p["record_id"].Value = record.RecordId;
        p["nhs_number"].Value = (object?)record.NhsNumber ?? DBNull.Value;
        p["upn"].Value = (object?)record.Upn ?? DBNull.Value;
        p["nino"].Value = (object?)record.Nino ?? DBNull.Value;
        p["pnc_id"].Value = (object?)record.PncId ?? DBNull.Value;
        p["given_name"].Value = (object?)record.GivenName ?? DBNull.Value;
        p["middle_names"].Value = (object?)record.MiddleNames ?? DBNull.Value;
        p["family_name"].Value = (object?)record.FamilyName ?? DBNull.Value;
        p["sex"].Value = (object?)record.Sex ?? DBNull.Value;
        p["date_of_birth"].Value = (object?)IsoDate(record.DateOfBirth) ?? DBNull.Value;
        p["postcode"].Value = (object?)record.Postcode ?? DBNull.Value;
        p["address"].Value = (object?)record.Address ?? DBNull.Value;
        p["phone"].Value = (object?)record.Phone ?? DBNull.Value;
        p["email"].Value = (object?)record.Email ?? DBNull.Value;
        p["recorded_on"].Value = (object?)IsoDate(record.RecordedOn) ?? DBNull.Value;
        p["row_hash"].Value = hash;
        p["batch_id"].Value = batchId;
        p["received_at"].Value = now;
    }

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A digest of the record's content: equal digests mean nothing changed.</summary>
    internal static string RowHash(PersonRecord record)
    {
        var text = string.Join('\u001f',
            record.Source, record.RecordId, record.NhsNumber, record.Upn, record.Nino, record.PncId, record.GivenName,
            record.MiddleNames, record.FamilyName, record.Sex, IsoDate(record.DateOfBirth), record.Postcode, record.Address,
            record.Phone, record.Email, IsoDate(record.RecordedOn));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

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
