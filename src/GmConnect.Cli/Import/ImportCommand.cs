using System.CommandLine;
using System.Globalization;
using GmConnect.Cli.Terminal;
using GmConnect.Integration;
using GmConnect.Integration.Batches;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GmConnect.Cli.Import;

/// <summary>
/// <c>gmc import FILE…</c> (any kind gmc reads, told by content; see <see cref="ImportRunner"/>) and
/// <c>gmc import person-records FILE…</c>: bulk files into the exchange's store.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Person-records CSV files (version 1).", Arity = ArgumentArity.OneOrMore };
        var store = StoreOption.Create();
        var errors = new Option<FileInfo?>("--errors") { Description = "Write every rejected row's line, field and reason to this CSV." };
        var personRecords = new Command("person-records", "Import person-records CSV files: idempotent, resumable, bad rows set aside with their reasons.");
        personRecords.Arguments.Add(files);
        personRecords.Options.Add(store);
        personRecords.Options.Add(errors);
        personRecords.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(files), parse.GetRequiredValue(store), parse.GetValue(errors), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));

        var anyFiles = new Argument<FileInfo[]>("files")
        {
            Description = "Files to import, each told by its content: person-records CSV, FHIR NDJSON (one resource per line) or a FHIR Bundle.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var anyStore = StoreOption.Create();
        var anyErrors = new Option<FileInfo?>("--errors") { Description = "Write every rejected row or entry (file, line, entry, field, message) to this CSV." };
        var asOrganisation = new Option<string?>("--as") { Description = "The importing organisation (Governance key, e.g. dfe:352): producer of the pointers and content in FHIR files, and source of Patients without a source key." };
        var practitioner = new Option<string?>("--practitioner") { Description = "Act as this practitioner of the importing organisation (default: its first registered practitioner); every publish is audited against them." };
        var import = new Command("import", "Take records into the exchange: idempotent, resumable, bad rows and entries set aside with their reasons.");
        import.Arguments.Add(anyFiles);
        import.Options.Add(anyStore);
        import.Options.Add(anyErrors);
        import.Options.Add(asOrganisation);
        import.Options.Add(practitioner);
        import.Subcommands.Add(personRecords);
        import.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(anyFiles) ?? [];
            if (given.Length == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Name at least one file to import (see gmc import --help).");
                return 2;
            }

            return await ImportRunner.RunAsync(given, parse.GetRequiredValue(anyStore), parse.GetValue(asOrganisation), parse.GetValue(practitioner),
                parse.GetValue(anyErrors), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return import;
    }

    internal static async Task<int> RunAsync(FileInfo[] files, string connectionString, FileInfo? errorsFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var missing = files.Where(f => !f.Exists).ToList();
        if (missing.Count > 0)
        {
            await error.WriteLineAsync($"No such file: {string.Join(", ", missing.Select(f => f.FullName))}");
            return 2;
        }

        await using var db = Store.Open(connectionString);
        await new MigrationRunner(db, [IntegrationServices.Migrations], TimeProvider.System).MigrateAsync(cancellationToken);
        var importer = new PersonRecordImporter(db, TimeProvider.System, NullLogger<PersonRecordImporter>.Instance);
        var history = new ImportHistory(db);
        await using var errorWriter = errorsFile is null ? null : new StreamWriter(errorsFile.FullName);
        if (errorWriter is not null)
        {
            await errorWriter.WriteLineAsync("file,line,field,message");
        }

        var failed = false;
        foreach (var file in files)
        {
            var line = ProgressLine.For(output, TimeProvider.System);
            ImportResult result;
            try
            {
                result = await importer.ImportAsync(file.FullName, new ImportRunner.SynchronousProgress(p =>
                    line.Report(string.Create(CultureInfo.InvariantCulture, $"{file.Name}: {ProgressLine.Bar(p.Fraction ?? 0)} {p.Rows:N0} rows, {p.Rejected:N0} rejected"))),
                    cancellationToken: cancellationToken);
            }
            catch (CsvFormatException e)
            {
                line.Done();
                await error.WriteLineAsync($"{file.Name}: not imported. {e.Message}");
                failed = true;
                continue;
            }

            line.Done();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{file.Name}: {ImportRunner.Describe(result.Outcome)} batch {result.BatchId}: {result.Accepted:N0} accepted ({result.Created:N0} new, {result.Updated:N0} changed, {result.Unchanged:N0} unchanged), {result.Rejected:N0} rejected"));
            if (errorWriter is not null && result.Rejected > 0)
            {
                foreach (var row in await history.RejectedRowsAsync(result.BatchId, cancellationToken))
                {
                    foreach (var e in row.Errors)
                    {
                        await errorWriter.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{ImportRunner.Csv(file.Name)},{e.Line},{e.Field},{ImportRunner.Csv(e.Message)}"));
                    }
                }
            }
        }

        return failed ? 1 : 0;
    }
}
