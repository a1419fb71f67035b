using System.CommandLine;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Cli.Ssda903;

/// <summary>
/// <c>gmc ssda903 validate DIR --year 2024/25 --out errors.csv [--previous DIR] [--postcodes FILE] [--ofsted FILE…]
/// [--authority CODE]</c>: the DfE rules of the year over one authority's return. The rules that need the national
/// postcode file or Ofsted's provider lists run only when those files are given; the summary names the rules not run
/// and why.
/// </summary>
internal static class Ssda903ValidateCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder holding one authority's return (CSV per table, or XML)" };
        var year = new Option<string>("--year") { Description = "Collection year, e.g. 2024/25 (ends 31 March 2025)", Required = true };
        var previous = new Option<DirectoryInfo?>("--previous") { Description = "Folder holding last year's return, for the rules that compare years" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write table,row,child,code,fields", Required = true };
        var postcodes = new Option<FileInfo?>("--postcodes")
        {
            Description = "The national postcode file (ONS NSPL or ONSPD CSV: pcd, laua, oseast1m, osnrth1m[, cty]); runs the rules on PL_LA, PL_LOCATION and PL_DISTANCE",
        };
        var ofsted = new Option<FileInfo[]>("--ofsted")
        {
            Description = "Ofsted's provider lists saved as CSV (children's homes and social care providers, or the combined list; repeat for each file); runs the URN rules",
            AllowMultipleArgumentsPerToken = true,
        };
        var authority = new Option<string?>("--authority")
        {
            Description = "The authority's ONS code (e.g. E08000003), for PL_LOCATION and the rules that compare with it; GM authorities are known from the folder name",
        };
        var cmd = new Command("validate", "Run the DfE validation rules of the collection year over a return");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(year);
        cmd.Options.Add(previous);
        cmd.Options.Add(output);
        cmd.Options.Add(postcodes);
        cmd.Options.Add(ofsted);
        cmd.Options.Add(authority);
        cmd.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!CollectionYear.TryParse(parse.GetValue(year), out var y))
            {
                await error.WriteLineAsync("--year must be a collection year such as 2024/25.").ConfigureAwait(false);
                return 2;
            }

            var current = Ssda903Importer.ReadReturn(parse.GetValue(dir)!.FullName, year: y);
            Ssda903Command.Report(current.Messages, error);
            if (current.Returns.Count == 0)
            {
                return 1;
            }

            Ssda903Return? last = null;
            if (parse.GetValue(previous) is { } prevDir)
            {
                var prev = Ssda903Importer.ReadReturn(prevDir.FullName, year: y.Previous);
                Ssda903Command.Report(prev.Messages, error);
                last = prev.Returns.Count > 0 ? prev.Returns[0] : null;
            }

            // A return folder is often a year below its authority's folder (Manchester/2024-25), as validate-all reads them.
            var known = GmAuthorities.OnsCode(current.Returns[0].Authority) ?? GmAuthorities.OnsCode(parse.GetValue(dir)!.Parent?.Name);
            var lookups = LoadLookups(current.Returns[0], last, parse.GetValue(postcodes), parse.GetValue(ofsted) ?? [], parse.GetValue(authority), known, error);
            if (lookups is null)
            {
                return 2;
            }

            var errors = Ssda903Validator.Validate(current.Returns[0], last, only: null, lookups);
            var file = parse.GetValue(output)!;
            // Written beside the target and moved into place, so a failure leaves no half-written file.
            var partial = file.FullName + ".partial";
            await using (var writer = new StreamWriter(partial))
            {
                Ssda903Validator.WriteCsv(errors, writer);
            }

            File.Move(partial, file.FullName, overwrite: true);
            var codes = errors.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count();
            var implemented = Ssda903Validator.ImplementedCodes(y).Count;
            var catalogue = RuleCatalogue.For(y).Count;
            var notRun = Ssda903Validator.NotRun(current.Returns[0], lookups);
            var ran = implemented - notRun.Count;
            parse.InvocationConfiguration.Output.WriteLine(
                $"{errors.Count} errors from {codes} rules ({ran} of {catalogue} {y} rules run; {implemented} implemented) written to {file.Name}.");
            foreach (var group in notRun.GroupBy(n => n.Reason))
            {
                parse.InvocationConfiguration.Output.WriteLine($"Not run ({group.Count()}): {string.Join(", ", group.Select(n => n.Code))} — {group.Key}{Hint(group.Key)}.");
            }

            return 0;
        });
        return cmd;
    }

    private static string Hint(string reason) => reason switch
    {
        NotRunReasons.NoPostcodes => "; give it with --postcodes",
        NotRunReasons.NoProviders => "; give them with --ofsted",
        NotRunReasons.NoAuthority => "; give it with --authority",
        _ => string.Empty,
    };

    // Reads the lookups the user named; null (after printing each problem as file:line: message) when one is unusable.
    private static ValidationLookups? LoadLookups(Ssda903Return current, Ssda903Return? last, FileInfo? postcodes, FileInfo[] ofsted, string? authority, string? known, TextWriter error)
    {
        // A GM authority may be named by name or DfE code too; anything else must be an ONS code (E10000017, W06000015).
        var code = authority is null ? known : GmAuthorities.OnsCode(authority) ?? authority.Trim().ToUpperInvariant();
        if (authority is not null && !System.Text.RegularExpressions.Regex.IsMatch(code!, "^[EWSN][0-9]{8}$"))
        {
            error.WriteLine("--authority must be the authority's ONS code, such as E08000003 (or a GM authority's name).");
            return null;
        }

        if (postcodes is not null && code is null)
        {
            error.WriteLine($"--postcodes needs the authority's ONS code to tell placements IN the authority from OUT: give --authority (neither the folder '{current.Authority}' nor the one above it is named after a GM authority).");
            return null;
        }

        var missing = (postcodes is null ? [] : new[] { postcodes }).Concat(ofsted).Where(f => !f.Exists).ToList();
        foreach (var f in missing)
        {
            error.WriteLine($"{f.FullName}: no such file.");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        OfstedProviders? providers = null;
        if (ofsted.Length > 0)
        {
            var loaded = OfstedProviders.Load(ofsted.Select(f => f.FullName));
            if (!Reported(loaded.Errors, error))
            {
                return null;
            }

            providers = loaded.Value;
        }

        PostcodeLookup? lookup = null;
        if (postcodes is not null)
        {
            // Only the postcodes this return, last year's and the providers use are kept from the national file.
            var loaded = PostcodeLookup.Load(postcodes.FullName, UsedPostcodes(current, last, providers));
            if (!Reported(loaded.Errors, error))
            {
                return null;
            }

            lookup = loaded.Value;
        }

        return new ValidationLookups(lookup, providers, code);
    }

    private static bool Reported(IReadOnlyList<LookupFileError> errors, TextWriter error)
    {
        foreach (var e in errors)
        {
            error.WriteLine(e.ToString());
        }

        return errors.Count == 0;
    }

    private static HashSet<string> UsedPostcodes(Ssda903Return current, Ssda903Return? last, OfstedProviders? providers)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in last is null ? [current] : new[] { current, last })
        {
            var t = r[ReturnTable.Episodes];
            foreach (var row in t.Rows)
            {
                foreach (var column in (string[])["HOME_POST", "PL_POST"])
                {
                    if (PostcodeLookup.Normalise(t.Get(row, column)) is { } p)
                    {
                        used.Add(p);
                    }
                }
            }
        }

        if (providers is not null)
        {
            used.UnionWith(providers.Postcodes);
        }

        return used;
    }
}
