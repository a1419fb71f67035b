using System.CommandLine;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Storage;
using GmConnect.Storage;

namespace GmConnect.Cli.Audit;

/// <summary><c>gmc audit verify</c>: checks the hash chain of the audit trail and says where it breaks.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store")
        {
            Description = "Store connection string: SQLite 'Data Source=…' or PostgreSQL 'Host=…'.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GMC_STORE") ?? new StoreOptions().ConnectionString,
        };
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description = "A checkpoint 'sequence:hash' kept elsewhere (printed by an earlier verify); detects removal of the last entries.",
        };
        var verify = new Command("verify", "Verify the audit trail's hash chain: detects any change, deletion or reordering and says where.");
        verify.Options.Add(store);
        verify.Options.Add(checkpoint);
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            AuditCheckpoint? known = null;
            if (parse.GetValue(checkpoint) is { } text && !AuditStoreVerifier.TryParseCheckpoint(text, out known))
            {
                await error.WriteLineAsync("--checkpoint must be 'sequence:hash' with a 64-character hex hash.");
                return 64;
            }

            await using var opened = Store.Open(parse.GetValue(store)!);
            AuditVerification result;
            try
            {
                result = await AuditStoreVerifier.VerifyAsync(opened, known, cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                await error.WriteLineAsync(e.Message);
                return 66;
            }

            if (result.IsIntact)
            {
                await output.WriteLineAsync($"Audit trail intact: {result.EntriesChecked} entries in {opened.Description}.");
                await output.WriteLineAsync($"Checkpoint: {result.EntriesChecked}:{result.LastHash}");
                return 0;
            }

            await error.WriteLineAsync($"Audit trail BROKEN in {opened.Description}: {result.Describe()}.");
            return 2;
        });

        var audit = new Command("audit", "The audit trail.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
