using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using GmConnect.Integration.PersonRecords;
using GmConnect.Integration.Storage;
using GmConnect.Storage;

namespace GmConnect.Integration.Batches;

/// <summary>
/// The resumable state of one import of one file: its row of <c>integration_import_batch</c>, found by the file's
/// fingerprint and format or started, moved on in the transaction of each committed chunk (so that a crash resumes
/// after the last committed chunk, and counts are never doubled), and completed at the end. Shared by the
/// person-records and FHIR importers; <see cref="Done"/> is a CSV line or an entry ordinal, as the importer counts.
/// </summary>
internal sealed class BatchCheckpoint
{
    private BatchCheckpoint(long id, bool completed, long done)
    {
        Id = id;
        Completed = completed;
        Done = done;
    }

    public long Id { get; }

    public bool Completed { get; }

    /// <summary>The last line or entry committed.</summary>
    public long Done { get; private set; }

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>The SHA-256 of the file's bytes, hex: the import's identity with its format.</summary>
    public static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>The latest import of this fingerprint and format, or a new running one starting at <paramref name="start"/>.</summary>
    public static async Task<BatchCheckpoint> FindOrStartAsync(
        DbConnection connection, string format, string fileName, string fingerprint, long start, string now, CancellationToken cancellationToken)
    {
        await using (var command = connection.Command("""
            SELECT id, status, lines_done, rows_accepted, rows_rejected, rows_created, rows_updated, rows_unchanged
            FROM integration_import_batch WHERE file_sha256 = @sha AND format = @f ORDER BY id DESC
            """).With("sha", fingerprint).With("f", format))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                int Int(int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
                return new BatchCheckpoint(
                    Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1) == "completed",
                    Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture))
                {
                    Accepted = Int(3),
                    Rejected = Int(4),
                    Created = Int(5),
                    Updated = Int(6),
                    Unchanged = Int(7),
                };
            }
        }

        var id = await connection.Command("""
            INSERT INTO integration_import_batch (format, file_name, file_sha256, status, started_at, lines_done)
            VALUES (@f, @n, @sha, 'running', @t, @d) RETURNING id
            """).With("f", format).With("n", fileName).With("sha", fingerprint).With("t", now).With("d", start).ExecuteScalarAsync(cancellationToken);
        return new BatchCheckpoint(Convert.ToInt64(id, CultureInfo.InvariantCulture), false, start);
    }

    /// <summary>Adds a chunk's writes to the counts.</summary>
    public void Add(PersonRecordWriter.Counts counts)
    {
        Created += counts.Created;
        Updated += counts.Updated;
        Unchanged += counts.Unchanged;
    }

    /// <summary>Moves the checkpoint to <paramref name="done"/> with the counts, in the chunk's transaction.</summary>
    public Task SaveAsync(SqlWriter writer, long done, CancellationToken cancellationToken)
    {
        Done = done;
        return writer.WriteAsync("""
            UPDATE integration_import_batch SET lines_done = @l, rows_accepted = @a, rows_rejected = @j, rows_created = @c,
                rows_updated = @u, rows_unchanged = @n WHERE id = @id
            """,
            [("l", Done), ("a", Accepted), ("j", Rejected), ("c", Created), ("u", Updated), ("n", Unchanged), ("id", Id)],
            cancellationToken);
    }

    /// <summary>Marks the import completed.</summary>
    public async Task CompleteAsync(DbConnection connection, string now, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("UPDATE integration_import_batch SET status = 'completed', completed_at = @t WHERE id = @id")
            .With("t", now).With("id", Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
