using System.CommandLine;
using System.Globalization;
using GmConnect.Governance;
using GmConnect.Repository;
using GmConnect.Repository.Retention;
using GmConnect.Storage;
using GmConnect.Cli.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Cli.Retention;

/// <summary>
/// <c>gmc retention sweep</c>: deletes Repository content past its retention date that is not on legal hold, and
/// audits each deletion. Prints counts (and, in a dry run, the content ids that would go) — never personal data.
/// </summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "Count (and list by content id) what would be deleted; change nothing." };
        var sweep = new Command("sweep", "Delete content past its retention date and not on legal hold; each deletion is audited.");
        sweep.Options.Add(store);
        sweep.Options.Add(dryRun);
        sweep.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var time = TimeProvider.System;
            await using var opened = Store.Open(parse.GetValue(store)!);
            var services = new ServiceCollection()
                .AddSingleton(opened)
                .AddSingleton(time)
                .AddLogging()
                .AddGovernance()
                .AddRepository();
            await using var provider = services.BuildServiceProvider();
            // The sweep needs the Repository's and the audit trail's tables; migrating is idempotent.
            await new MigrationRunner(opened, provider.GetServices<IMigrationSource>(), time).MigrateAsync(cancellationToken);

            var line = ProgressLine.For(output, time);
            var progress = new Progress(p => line.Report(
                string.Create(CultureInfo.InvariantCulture, $"{ProgressLine.Bar(p.Expected == 0 ? 1 : (double)p.Examined / p.Expected)} {p.Examined:N0}/{p.Expected:N0} expired, {p.Deleted:N0} {(parse.GetValue(dryRun) ? "to delete" : "deleted")}, {p.Held:N0} on hold")));
            var result = await provider.GetRequiredService<RetentionSweeper>().SweepAsync(parse.GetValue(dryRun), progress, cancellationToken);
            line.Done();

            if (result.DryRun)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Dry run on {result.Today:yyyy-MM-dd} (London) in {opened.Description}: {result.Expired} expired, {result.Deleted} would be deleted, {result.Held} kept on legal hold. Nothing was changed."));
                foreach (var id in result.DeletedIds)
                {
                    await output.WriteLineAsync("  would delete Binary/" + id);
                }
            }
            else
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Retention sweep on {result.Today:yyyy-MM-dd} (London) in {opened.Description}: {result.Expired} expired, {result.Deleted} deleted (each audited), {result.Held} kept on legal hold."));
            }

            return 0;
        });

        var retention = new Command("retention", "Retention of Repository content.");
        retention.Subcommands.Add(sweep);
        return retention;
    }

    /// <summary>Reports synchronously: <see cref="Progress{T}"/> would post to the thread pool and print out of order.</summary>
    private sealed class Progress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
