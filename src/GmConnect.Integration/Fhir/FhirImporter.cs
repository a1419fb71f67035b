using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GmConnect.Integration.Batches;
using GmConnect.Integration.PersonRecords;
using GmConnect.Integration.Storage;
using GmConnect.Storage;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.Extensions.Logging;

namespace GmConnect.Integration.Fhir;

/// <summary>
/// Imports FHIR R4 files — NDJSON (one resource per line) and <c>Bundle</c>s — through the same paths as the API:
/// a <c>Patient</c> lands as a person record (the person-records CSV's path, then the Identity Manager through the
/// change feed); any other type goes to the host's <see cref="IFhirImportTarget"/> for it (<c>DocumentReference</c>
/// → the Locator's pointer publisher, <c>Binary</c> → the Repository).
/// Idempotent: the same file twice is a no-op; a resource already imported with the same content (by its key:
/// master identifier, else id) is left alone. Resumable: entries are committed in chunks with a checkpoint, and an
/// interrupted import of the same file carries on after the last committed entry. A bad entry is set aside with its
/// line (NDJSON) or entry index (Bundle), field and reason, and the good ones go in. Entries are independent, even
/// in a <c>transaction</c> Bundle: a bulk load that stopped at the first bad entry would be no use.
/// </summary>
public sealed class FhirImporter
{
    internal const string NdjsonFormat = "fhir-ndjson/1";
    internal const string BundleFormat = "fhir-bundle/1";

    private static readonly JsonSerializerOptions FhirOptions = FhirJson.Options;
    private readonly Store _store;
    private readonly TimeProvider _time;
    private readonly ILogger<FhirImporter> _logger;
    private readonly Dictionary<string, IFhirImportTarget> _targets;

    /// <summary>Creates the importer with the host's targets (at most one per resource type).</summary>
    public FhirImporter(Store store, TimeProvider time, ILogger<FhirImporter> logger, IEnumerable<IFhirImportTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _store = store;
        _time = time;
        _logger = logger;
        _targets = targets.ToDictionary(t => t.ResourceType, StringComparer.Ordinal);
    }

    /// <summary>Entries per checkpoint: small enough to lose little on a crash, large enough to be fast.</summary>
    internal int ChunkSize { get; init; } = 5_000;

    /// <summary>
    /// Whether <c>DocumentReference</c>s the fast reader can prove fine skip the SDK's parse (docs/adr/0014); off only
    /// to compare the two paths.
    /// </summary>
    internal bool ReadDocumentReferencesFast { get; init; } = true;

    /// <summary>The resource types this importer takes: <c>Patient</c> and those with a target.</summary>
    public IReadOnlyList<string> ResourceTypes => ["Patient", .. _targets.Keys.Order(StringComparer.Ordinal)];

    /// <summary>NDJSON, Bundle, or null when the file is neither (see <see cref="FhirEntrySource.Detect"/>).</summary>
    public static FhirFileKind? Detect(string path) => FhirEntrySource.Detect(path);

    /// <summary>Imports one file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="organisation">The importing organisation: the producer of pointers and content, and the source of Patients without a source key.</param>
    /// <param name="progress">Told after each committed chunk.</param>
    /// <param name="fileName">The name to record for the batch; default: the file's own name.</param>
    /// <param name="practitioner">Who imports, with their role (an upload's token); default: the host's choice within the organisation.</param>
    /// <param name="cancellationToken">Stops after the chunk in hand; a later import of the same file resumes.</param>
    /// <exception cref="FhirFormatException">The file is neither NDJSON nor a Bundle (nothing is written).</exception>
    public async Task<ImportResult> ImportAsync(
        string path, string? organisation = null, IProgress<ImportProgress>? progress = null, string? fileName = null,
        (string Id, string Role)? practitioner = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var source = FhirEntrySource.Open(path);
        var format = source.Kind == FhirFileKind.Ndjson ? NdjsonFormat : BundleFormat;

        // The same file imported as another organisation is another import.
        var fingerprint = await BatchCheckpoint.HashFileAsync(path, cancellationToken) + (organisation is null ? "" : "/" + organisation);
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        // lines_done counts entries here (0: none yet), not lines after a CSV header.
        var batch = await BatchCheckpoint.FindOrStartAsync(connection, format, fileName ?? Path.GetFileName(path), fingerprint, 0, Now(), cancellationToken);
        if (batch.Completed)
        {
            Log.AlreadyImported(_logger, batch.Id);
            return batch.ToResult(ImportOutcome.AlreadyImported);
        }

        var outcome = batch.Done > 0 ? ImportOutcome.Resumed : ImportOutcome.Imported;
        if (outcome == ImportOutcome.Resumed)
        {
            Log.ImportResumed(_logger, batch.Id, batch.Done);
        }
        else
        {
            Log.ImportStarted(_logger, batch.Id, format);
        }

        // A chunk is parsed while the one before it is handed over and written (docs/adr/0017).
        var entries = await ChunkPipeline.RunAsync(
            source.ReadEntries(), ChunkSize, entry => entry.Ordinal <= batch.Done, chunk => ParseChunk(chunk, cancellationToken),
            (chunk, parsed) => ImportChunkAsync(connection, batch, chunk, parsed, organisation, practitioner, cancellationToken),
            read => progress?.Report(new ImportProgress(read, batch.Rejected, source.Fraction)));
        await batch.CompleteAsync(connection, Now(), cancellationToken);
        progress?.Report(new ImportProgress(entries, batch.Rejected, 1.0));
        Log.ImportCompleted(_logger, batch.Id, batch.Accepted, batch.Created, batch.Updated, batch.Unchanged, batch.Rejected);
        return batch.ToResult(outcome);
    }

    /// <summary>
    /// One chunk: targets first (each writes in its own transaction and is idempotent by key), then one transaction
    /// with the Patients, the rejected entries, the ledger of what the targets took, and the checkpoint.
    /// </summary>
    /// <summary>
    /// Parses a chunk's entries. Parsing (the Firely SDK, strict as the API, or the fast reader) and the content digest
    /// are most of a chunk's CPU, and entries are independent: they run on every core, and the results are in file order.
    /// </summary>
    private ParsedEntry[] ParseChunk(List<FhirEntry> chunk, CancellationToken cancellationToken)
    {
        var parsed = new ParsedEntry[chunk.Count];
        var fast = ReadDocumentReferencesFast && _targets.ContainsKey("DocumentReference");
        Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            // A DocumentReference the fast reader can prove fine skips the SDK's parse and serialisation (ADR 0014);
            // anything else, including every entry it might refuse, goes to the SDK.
            if (fast && chunk[i] is { Problem: null, Json: { } json } && DocumentReferenceReader.TryRead(json, out var pointer, out var digest))
            {
                parsed[i] = new ParsedEntry(pointer, [], digest);
                return;
            }

            var (resource, problems) = Parse(chunk[i]);
            parsed[i] = new ParsedEntry(resource, problems, resource is null or Patient ? null : ContentHash(resource));
        });
        return parsed;
    }

    private readonly record struct ParsedEntry(Resource? Resource, IReadOnlyList<FhirProblem> Problems, string? Hash);

    private async Task ImportChunkAsync(
        DbConnection connection, BatchCheckpoint batch, List<FhirEntry> chunk, ParsedEntry[] parsed, string? organisation, (string Id, string Role)? practitioner,
        CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var patients = new List<PersonRecord>();
        var rejected = new List<(FhirEntry Entry, IReadOnlyList<FhirProblem> Problems)>();
        var items = new List<TargetItem>();
        for (var i = 0; i < chunk.Count; i++)
        {
            var entry = chunk[i];
            var (resource, problems, hash) = parsed[i];
            if (resource is null)
            {
                rejected.Add((entry, problems));
                continue;
            }

            if (resource is Patient patient)
            {
                var (record, patientProblems) = PatientRecords.ToRecord(patient, organisation);
                if (record is null)
                {
                    rejected.Add((entry, [.. patientProblems.Select(p => p with { Field = entry.Field(p.Field) })]));
                }
                else
                {
                    patients.Add(record);
                }

                continue;
            }

            if (!_targets.TryGetValue(resource.TypeName, out var target))
            {
                rejected.Add((entry, [new FhirProblem(entry.Field(resource.TypeName), $"{resource.TypeName} is not imported (only {string.Join(", ", ResourceTypes)})")]));
                continue;
            }

            if (KeyOf(resource) is not { } key)
            {
                rejected.Add((entry, [new FhirProblem(entry.Field(resource.TypeName + (resource is DocumentReference ? ".masterIdentifier" : ".id")),
                    "a key is required so that importing twice changes nothing: a masterIdentifier (system and value) or an id")]));
                continue;
            }

            items.Add(new TargetItem(entry, resource, target, key, hash!));
        }

        // What earlier imports left in the ledger for this chunk's keys, in a few queries rather than one per entry.
        var stored = await LedgerFindManyAsync(connection, organisation, items, cancellationToken);
        var ledger = new Dictionary<(string Type, string Key), LedgerRow>();
        var pending = new List<(TargetItem Item, LedgerRow? Previous)>();
        var pendingKeys = new HashSet<(string Type, string Key)>();
        foreach (var item in items)
        {
            var ledgerKey = (item.Resource.TypeName, item.Key);
            if (pendingKeys.Contains(ledgerKey))
            {
                // The same resource twice in one chunk: the first must be in before the second is compared with it.
                await HandOverAsync(batch, pending, ledger, rejected, organisation, practitioner, cancellationToken);
                pendingKeys.Clear();
            }

            var previous = ledger.TryGetValue(ledgerKey, out var inChunk) ? inChunk : stored.GetValueOrDefault(ledgerKey);
            if (previous is not null && previous.Hash == item.Hash)
            {
                batch.Accepted++;
                batch.Unchanged++;
                continue;
            }

            pending.Add((item, previous));
            pendingKeys.Add(ledgerKey);
        }

        await HandOverAsync(batch, pending, ledger, rejected, organisation, practitioner, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var writer = new SqlWriter(connection, transaction);
        foreach (var (entry, problems) in rejected)
        {
            var errors = JsonSerializer.Serialize(problems.Select(p => new StoredError(p.Field, p.Message)), StoredError.JsonOptions);
            await writer.WriteAsync(RejectSql, [("b", batch.Id), ("l", entry.Ordinal), ("e", errors), ("raw", entry.Json ?? "")], cancellationToken);
            batch.Rejected++;
        }

        var now = Now();
        // New ledger rows by the store's bulk path (binary COPY on PostgreSQL), changed ones in the writer's batch.
        var added = new List<object?[]>();
        foreach (var ((type, key), row) in ledger)
        {
            if (!row.Exists)
            {
                added.Add([organisation ?? "", type, key, row.Hash, row.TargetId, batch.Id, now]);
                continue;
            }

            await writer.WriteAsync(LedgerUpdateSql,
                [("o", organisation ?? ""), ("t", type), ("k", key), ("h", row.Hash), ("i", row.TargetId), ("b", batch.Id), ("at", now)], cancellationToken);
        }

        if (added.Count > 0)
        {
            await BulkInsert.WriteAsync(connection, transaction, "integration_fhir_resource", LedgerColumns, added, cancellationToken);
        }

        batch.Accepted += patients.Count;
        batch.Add(await PersonRecordWriter.WriteAsync(_store.Provider, connection, transaction, writer, batch.Id, now, patients, cancellationToken));
        await batch.SaveAsync(writer, chunk[^1].Ordinal, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string RejectSql = "INSERT INTO integration_rejected_row (batch_id, line, errors, raw) VALUES (@b, @l, @e, @raw) ON CONFLICT DO NOTHING";

    private static readonly string[] LedgerColumns = ["organisation", "resource_type", "resource_key", "content_hash", "target_id", "batch_id", "imported_at"];

    private const string LedgerUpdateSql = """
        UPDATE integration_fhir_resource SET content_hash = @h, target_id = @i, batch_id = @b, imported_at = @at
        WHERE organisation = @o AND resource_type = @t AND resource_key = @k
        """;

    /// <summary>The resource, or why the entry is not one (FHIRPath of the element, the parser's reason).</summary>
    internal static (Resource? Resource, IReadOnlyList<FhirProblem> Problems) Parse(FhirEntry entry)
    {
        if (entry.Problem is { } problem)
        {
            return (null, [problem]);
        }

        try
        {
            var resource = JsonSerializer.Deserialize<Resource>(entry.Json!, FhirOptions);
            return resource is null ? (null, [new FhirProblem(entry.Field("Resource"), "the entry is empty")]) : (resource, []);
        }
        catch (DeserializationFailedException e)
        {
            var type = e.PartialResult?.TypeName ?? "Resource";
            return (null, [.. e.Exceptions.Take(10).Select(x => x is ExtendedCodedException coded
                ? new FhirProblem(entry.Field(PathOf(coded.InstancePath, type)), coded.BaseErrorMessage.Replace("$this", type, StringComparison.Ordinal))
                : new FhirProblem(entry.Field(type), x.Message))]);
        }
        catch (JsonException)
        {
            return (null, [new FhirProblem(entry.Prefix.Length == 0 ? "(line)" : entry.Prefix, "not valid JSON")]);
        }
        catch (InvalidOperationException)
        {
            // The SDK's converter on JSON that is not an object at all ("[]", "1"): an entry to set aside, not a crash.
            return (null, [new FhirProblem(entry.Prefix.Length == 0 ? "(line)" : entry.Prefix, "not a FHIR resource (expected a JSON object)")]);
        }
    }

    /// <summary>The parser's instance path with the resource type for its root (it says <c>$this</c> for some checks).</summary>
    private static string PathOf(string? instancePath, string type) =>
        string.IsNullOrEmpty(instancePath) ? type
        : instancePath.StartsWith("$this", StringComparison.Ordinal) ? type + instancePath[5..]
        : instancePath;

    /// <summary>What makes two imports of a resource the same resource: the master identifier, else the id.</summary>
    internal static string? KeyOf(Resource resource) =>
        resource is DocumentReference { MasterIdentifier: { System: { Length: > 0 } system, Value: { Length: > 0 } value } }
            ? system + "|" + value
            : string.IsNullOrWhiteSpace(resource.Id) ? null : resource.Id;

    /// <summary>A digest of the resource as the parser read it (whitespace and key order of the file do not count).</summary>
    internal static string ContentHash(Resource resource) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(resource, resource.GetType(), FhirOptions))));

    /// <summary>
    /// Hands the pending resources to their targets — a bulk target gets all of its own at once, in file order — and
    /// books each result: counted, rejected with its entry's field, or noted for the ledger. Clears <paramref name="pending"/>.
    /// </summary>
    private static async Task HandOverAsync(
        BatchCheckpoint batch,
        List<(TargetItem Item, LedgerRow? Previous)> pending,
        Dictionary<(string Type, string Key), LedgerRow> ledger,
        List<(FhirEntry Entry, IReadOnlyList<FhirProblem> Problems)> rejected,
        string? organisation,
        (string Id, string Role)? practitioner,
        CancellationToken cancellationToken)
    {
        FhirImportContext Context(string key) => new(organisation, batch.Id, key) { Practitioner = practitioner?.Id, Role = practitioner?.Role };
        var results = new FhirTargetResult[pending.Count];
        foreach (var group in Enumerable.Range(0, pending.Count).GroupBy(i => pending[i].Item.Target))
        {
            var indexes = group.ToList();
            if (group.Key is IFhirBulkImportTarget bulk)
            {
                var done = await bulk.ImportManyAsync(
                    [.. indexes.Select(i => (pending[i].Item.Resource, Context(pending[i].Item.Key)))], cancellationToken);
                if (done.Count != indexes.Count)
                {
                    throw new InvalidOperationException($"The {group.Key.ResourceType} import target gave {done.Count} results for {indexes.Count} resources.");
                }

                for (var j = 0; j < indexes.Count; j++)
                {
                    results[indexes[j]] = done[j];
                }
            }
            else
            {
                foreach (var i in indexes)
                {
                    results[i] = await group.Key.ImportAsync(pending[i].Item.Resource, Context(pending[i].Item.Key), cancellationToken);
                }
            }
        }

        for (var i = 0; i < pending.Count; i++)
        {
            var (item, previous) = pending[i];
            var result = results[i];
            switch (result.Outcome)
            {
                case FhirTargetOutcome.Rejected:
                    rejected.Add((item.Entry, [.. result.Problems.Select(p => p with { Field = item.Entry.Field(p.Field) })]));
                    continue;
                case FhirTargetOutcome.Created:
                    batch.Created++;
                    break;
                case FhirTargetOutcome.Updated:
                    batch.Updated++;
                    break;
                default:
                    batch.Unchanged++;
                    break;
            }

            batch.Accepted++;
            ledger[(item.Resource.TypeName, item.Key)] = new LedgerRow(item.Hash, result.TargetId ?? item.Key, previous?.Exists ?? false);
        }

        pending.Clear();
    }

    private async Task<Dictionary<(string Type, string Key), LedgerRow>> LedgerFindManyAsync(
        DbConnection connection, string? organisation, List<TargetItem> items, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string Type, string Key), LedgerRow>();
        foreach (var byType in items.GroupBy(i => i.Resource.TypeName, StringComparer.Ordinal))
        {
            // PostgreSQL takes the chunk's keys as one array, in one round trip; SQLite (in-process) IN lists of 500.
            var postgres = _store.Provider == StoreProvider.PostgreSql;
            foreach (var keys in byType.Select(i => i.Key).Distinct(StringComparer.Ordinal).Chunk(postgres ? int.MaxValue : 500))
            {
                await using var command = connection.Command("").With("o", organisation ?? "").With("t", byType.Key);
                string list;
                if (postgres)
                {
                    command.With("keys", keys);
                    list = "= ANY(@keys)";
                }
                else
                {
                    list = "IN (" + string.Join(", ", keys.Select((key, i) =>
                    {
                        var name = "k" + i.ToString(CultureInfo.InvariantCulture);
                        command.With(name, key);
                        return "@" + name;
                    })) + ")";
                }

                command.CommandText = "SELECT resource_key, content_hash, target_id FROM integration_fhir_resource " +
                    $"WHERE organisation = @o AND resource_type = @t AND resource_key {list}";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found[(byType.Key, reader.GetString(0))] = new LedgerRow(reader.GetString(1), reader.GetString(2), true);
                }
            }
        }

        return found;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private sealed record LedgerRow(string Hash, string TargetId, bool Exists);

    private sealed record TargetItem(FhirEntry Entry, Resource Resource, IFhirImportTarget Target, string Key, string Hash);
}
