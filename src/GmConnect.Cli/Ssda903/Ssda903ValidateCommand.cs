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
        var postcodes = Ssda903Lookups.PostcodesOption();
        var ofsted = Ssda903Lookups.OfstedOption();
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
            if (!Ssda903Lookups.TryAuthorityCode(parse.GetValue(authority), known, error, out var code))
            {
                return 2;
            }

            if (parse.GetValue(postcodes) is not null && code is null)
            {
                await error.WriteLineAsync($"--postcodes needs the authority's ONS code to tell placements IN the authority from OUT: give --authority (neither the folder '{current.Returns[0].Authority}' nor the one above it is named after a GM authority).").ConfigureAwait(false);
                return 2;
            }

            // Only the postcodes this return, last year's and the providers use are kept from the national file.
            var lookups = Ssda903Lookups.Load(last is null ? [current.Returns[0]] : [current.Returns[0], last], parse.GetValue(postcodes), parse.GetValue(ofsted) ?? [], code, error);
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
            Ssda903Lookups.WriteNotRun(notRun, parse.InvocationConfiguration.Output, oneAuthority: true);

            return 0;
        });
        return cmd;
    }
}
