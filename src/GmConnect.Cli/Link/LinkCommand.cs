using System.CommandLine;

namespace GmConnect.Cli.Link;

/// <summary><c>gmc link</c>: train (or load) a linkage model, score, cluster and write the cluster assignment.</summary>
internal static class LinkCommand
{
    public static Command Create()
    {
        var settings = new Option<FileInfo>("--settings") { Description = "Model settings JSON (e.g. configs/linkage/uk-person.json).", Required = true };
        var inputs = new Option<FileInfo[]>("--input") { Description = "Input CSV file; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = false };
        var output = new Option<FileInfo?>("--output") { Description = "Cluster assignment CSV to write: source,record_id,person_id." };
        var pairs = new Option<FileInfo?>("--pairs") { Description = "Also write scored candidate pairs to this CSV." };
        var pairsMin = new Option<double>("--pairs-min-probability") { Description = "Lowest match probability written to --pairs.", DefaultValueFactory = _ => 0.01 };
        var threshold = new Option<double?>("--threshold") { Description = "Match probability at which pairs link (overrides the settings)." };
        var explain = new Option<string[]>("--explain") { Description = "Explain the pair REC_L REC_R (record_id or source/record_id).", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Write the --explain waterfall as JSON." };
        var model = new Option<FileInfo?>("--model") { Description = "Use a trained model instead of training." };
        var modelOut = new Option<FileInfo?>("--model-out") { Description = "Save the trained model to this JSON file." };
        var truth = new Option<FileInfo?>("--truth") { Description = "Truth CSV (source,record_id,person_id): print precision, recall and F1." };
        var truthPattern = new Option<string?>("--truth-pattern") { Description = "Truth from the record_id: a regex whose first group is the person (FEBRL: 'rec-(\\d+)')." };
        var trainLabels = new Option<bool>("--train-from-truth") { Description = "Estimate m and u from the truth's pairs instead of EM (labelled training)." };
        var cannotLink = new Option<FileInfo?>("--cannot-link") { Description = "CSV of pairs never to put in one cluster: source_l,record_id_l,source_r,record_id_r." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };
        var truthMisses = new Option<FileInfo?>("--truth-misses") { Description = "With a truth: write every true pair the clusters keep apart (record keys, why, weight, comparison levels) to this CSV." };

        var command = new Command("link", "Link person records: block, train (u by sampling, m by EM), score, cluster.");
        foreach (var option in new Option[] { settings, inputs, output, pairs, pairsMin, threshold, explain, json, model, modelOut, truth, truthPattern, trainLabels, cannotLink, quiet, truthMisses })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => LinkRunner.Run(
            new LinkRequest(
                parse.GetValue(settings)!,
                parse.GetValue(inputs)!,
                parse.GetValue(output),
                parse.GetValue(pairs),
                parse.GetValue(pairsMin),
                parse.GetValue(threshold),
                parse.GetValue(explain),
                parse.GetValue(json),
                parse.GetValue(model),
                parse.GetValue(modelOut),
                parse.GetValue(truth),
                parse.GetValue(truthPattern),
                parse.GetValue(trainLabels),
                parse.GetValue(cannotLink),
                parse.GetValue(quiet),
                parse.GetValue(truthMisses)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
