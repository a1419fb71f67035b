using System.CommandLine;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Tokens;

namespace GmConnect.Cli.Token;

/// <summary><c>gmc token</c>: a development token from the installation's built-in issuer.</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var practitioner = new Option<string>("--practitioner") { Description = "Practitioner key (token subject).", Required = true };
        var organisation = new Option<string>("--org") { Description = "Organisation, e.g. dfe:352 or ods:R0A.", Required = true };
        var role = new Option<string>("--role") { Description = "Role code, e.g. social-worker.", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "direct-care, safeguarding, crime-prevention or secondary-use.", Required = true };
        var minutes = new Option<int>("--minutes") { Description = "Lifetime in minutes.", DefaultValueFactory = _ => 60 };
        var keyFile = new Option<FileInfo>("--key-file")
        {
            Description = "The installation's signing key (generated on first use, never committed).",
            DefaultValueFactory = _ => new FileInfo(DevelopmentTokenIssuer.DefaultKeyFile),
        };
        var command = new Command("token", "Issue a development token (built-in issuer) carrying practitioner, organisation, role and purpose.");
        command.Options.Add(practitioner);
        command.Options.Add(organisation);
        command.Options.Add(role);
        command.Options.Add(purpose);
        command.Options.Add(minutes);
        command.Options.Add(keyFile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!PurposeCodes.TryParse(parse.GetValue(purpose), out var parsed))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--purpose must be direct-care, safeguarding, crime-prevention or secondary-use.");
                return 64;
            }

            var lifetime = TimeSpan.FromMinutes(parse.GetValue(minutes));
            if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromHours(12))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--minutes must be between 1 and 720.");
                return 64;
            }

            using var issuer = DevelopmentTokenIssuer.LoadOrCreate(parse.GetValue(keyFile)!.FullName, TimeProvider.System);
            var token = issuer.Issue(parse.GetValue(practitioner)!, parse.GetValue(organisation)!, parse.GetValue(role)!, parsed.Value, lifetime);
            await parse.InvocationConfiguration.Output.WriteLineAsync(token);
            return 0;
        });
        return command;
    }
}
