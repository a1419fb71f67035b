using System.CommandLine;
using System.Globalization;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Stories;

namespace GmConnect.Cli.Ssda903;

/// <summary><c>gmc ssda903 drifters DIR --out drifters.csv</c>: the "drifters" data story.</summary>
internal static class Ssda903StoryCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder of returns (as for measures)" };
        var output = new Option<FileInfo>("--out") { Description = "drifters.csv", Required = true };
        var excludeUasc = new Option<bool>("--exclude-uasc") { Description = "Leave out children who have been UASC" };
        var cmd = new Command("drifters", "Children entering care aged 0–2: share still in care after 2, 3 and 4 years (Kaplan–Meier), and how they left");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(output);
        cmd.Options.Add(excludeUasc);
        cmd.SetAction(async (parse, ct) =>
        {
            var imported = Ssda903Importer.ReadTree(parse.GetValue(dir)!.FullName);
            Ssda903Command.Report(imported.Messages, parse.InvocationConfiguration.Error);
            var results = DriftersStory.Run(Ssda903History.Build(imported.Returns), excludeUasc: parse.GetValue(excludeUasc));
            await using var writer = new StreamWriter(parse.GetValue(output)!.FullName);
            await writer.WriteLineAsync("area,cohort,children,still_in_care_2y,still_in_care_3y,still_in_care_4y,left_adoption,left_return_home,left_sgo_cao,left_other,still_in_care").ConfigureAwait(false);
            static string P(double? v) => v is { } x ? Math.Round(x, 3).ToString(CultureInfo.InvariantCulture) : string.Empty;
            foreach (var r in results)
            {
                // Small cohorts are part of the story's method (Kaplan–Meier handles them); suppression applies to counts shown outside the authority.
                await writer.WriteLineAsync(string.Join(',', Csv.Escape(r.Area), r.Cohort, r.Children, P(r.StillInCareAfter2Years), P(r.StillInCareAfter3Years),
                    P(r.StillInCareAfter4Years), r.LeftByAdoption, r.LeftByReturnHome, r.LeftBySpecialGuardianshipOrChildArrangements, r.LeftOtherwise, r.StillInCare)).ConfigureAwait(false);
            }

            parse.InvocationConfiguration.Output.WriteLine($"{results.Count} rows written.");
            return 0;
        });
        return cmd;
    }
}
