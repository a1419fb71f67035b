using System.Globalization;
using GmConnect.Cli.Terminal;
using GmConnect.Integration;
using GmConnect.Integration.Batches;
using GmConnect.Integration.Fhir;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GmConnect.Cli.Import;

/// <summary>
/// <c>gmc import FILE…</c>: each file's kind is told by its content (<see cref="ImportKinds"/>) and the file goes to
/// its importer — person-records CSV to <see cref="PersonRecordImporter"/>, FHIR NDJSON and Bundles to
/// <see cref="FhirImporter"/> with the server's targets. A progress bar per file, a summary line per file, and every
/// rejected row or entry in <c>--errors</c> (file, line, entry, field, message).
/// </summary>
internal static class ImportRunner
{
    public static async Task<int> RunAsync(FileInfo[] files, string connectionString, string? organisation, string? practitioner, FileInfo? errorsFile,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var missing = files.Where(f => !f.Exists).ToList();
        if (missing.Count > 0)
        {
            await error.WriteLineAsync($"No such file: {string.Join(", ", missing.Select(f => f.FullName))}");
            return 2;
        }

        await using var db = Store.Open(connectionString);
        await new MigrationRunner(db, [IntegrationServices.Migrations], TimeProvider.System).MigrateAsync(cancellationToken);
        ServiceProvider? exchange = null;
        var history = new ImportHistory(db);
        await using var errorWriter = errorsFile is null ? null : new StreamWriter(errorsFile.FullName);
        if (errorWriter is not null)
        {
            await errorWriter.WriteLineAsync("file,line,entry,field,message");
        }

        var failed = false;
        try
        {
            foreach (var file in files)
            {
                var kind = ImportKinds.Detect(file.FullName);
                if (kind is ImportKind.Unknown or ImportKind.Ssda903)
                {
                    await error.WriteLineAsync(kind == ImportKind.Ssda903
                        ? $"{file.Name}: not imported. It is an SSDA903 file: read a return with 'gmc ssda903 validate DIR' (903 returns are analysed, not stored in the exchange)."
                        : $"{file.Name}: not imported. Not a person-records CSV, FHIR NDJSON or FHIR Bundle.");
                    failed = true;
                    continue;
                }

                var line = ProgressLine.For(output, TimeProvider.System);
                var progress = new SynchronousProgress(p =>
                    line.Report(string.Create(CultureInfo.InvariantCulture, $"{file.Name}: {ProgressLine.Bar(p.Fraction ?? 0)} {p.Rows:N0} {Unit(kind)}, {p.Rejected:N0} rejected")));
                ImportResult result;
                try
                {
                    if (kind == ImportKind.PersonRecords)
                    {
                        result = await new PersonRecordImporter(db, TimeProvider.System, NullLogger<PersonRecordImporter>.Instance)
                            .ImportAsync(file.FullName, progress, cancellationToken: cancellationToken);
                    }
                    else
                    {
                        exchange ??= await ImportServices.StartAsync(db, practitioner, cancellationToken);
                        result = await exchange.GetRequiredService<FhirImporter>().ImportAsync(file.FullName, organisation, progress, cancellationToken: cancellationToken);
                    }
                }
                catch (Exception e) when (e is CsvFormatException or FhirFormatException)
                {
                    line.Done();
                    await error.WriteLineAsync($"{file.Name}: not imported. {e.Message}");
                    failed = true;
                    continue;
                }

                line.Done();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{file.Name} ({Describe(kind)}): {Describe(result.Outcome)} batch {result.BatchId}: {result.Accepted:N0} accepted ({result.Created:N0} new, {result.Updated:N0} changed, {result.Unchanged:N0} unchanged), {result.Rejected:N0} rejected"));
                if (errorWriter is not null && result.Rejected > 0)
                {
                    foreach (var row in await history.RejectedRowsAsync(result.BatchId, cancellationToken))
                    {
                        // A Bundle's entries are counted from 1 in the batch; FHIRPath counts them from 0.
                        var (lineNumber, entry) = kind == ImportKind.FhirBundle ? ("", (row.Line - 1).ToString(CultureInfo.InvariantCulture)) : (row.Line.ToString(CultureInfo.InvariantCulture), "");
                        foreach (var e in row.Errors)
                        {
                            await errorWriter.WriteLineAsync($"{Csv(file.Name)},{lineNumber},{entry},{Csv(e.Field ?? "")},{Csv(e.Message)}");
                        }
                    }
                }
            }
        }
        finally
        {
            if (exchange is not null)
            {
                await exchange.DisposeAsync();
            }
        }

        return failed ? 1 : 0;
    }

    private static string Unit(ImportKind kind) => kind == ImportKind.PersonRecords ? "rows" : "resources";

    private static string Describe(ImportKind kind) => kind switch
    {
        ImportKind.PersonRecords => "person-records CSV",
        ImportKind.FhirNdjson => "FHIR NDJSON",
        _ => "FHIR Bundle",
    };

    internal static string Describe(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Resumed => "resumed",
        ImportOutcome.AlreadyImported => "already imported as",
        _ => "imported as",
    };

    internal static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    internal sealed class SynchronousProgress(Action<ImportProgress> action) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => action(value);
    }
}
