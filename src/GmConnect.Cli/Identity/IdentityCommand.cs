using System.CommandLine;
using GmConnect.Identity.Manager;

namespace GmConnect.Cli.Identity;

/// <summary>
/// <c>gmc identity</c>: the persistent person index — load, review, merge, unmerge, history. Output is keys and
/// counts; personal data only where the user asks to see records (<c>review show</c>).
/// </summary>
internal static class IdentityCommand
{
    public static Command Create()
    {
        var identity = new Command("identity", "The person index: load records, review uncertain pairs, merge and unmerge persons, history.");
        identity.Subcommands.Add(LoadCommand());
        identity.Subcommands.Add(ReviewCommand());
        identity.Subcommands.Add(MergeCommand());
        identity.Subcommands.Add(UnmergeCommand());
        identity.Subcommands.Add(HistoryCommand());
        return identity;
    }

    private static Command LoadCommand()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Person-records CSV files (version 1).", Arity = ArgumentArity.OneOrMore };
        var store = StoreOption.Create();
        var rebatch = new Option<bool>("--rebatch") { Description = "Afterwards, re-run the batch model over every record; persons keep their ids where the people are the same." };
        var command = new Command("load", "Load person records: the first load of an empty index runs the batch engine and stores its persons and model; later loads match record by record.");
        command.Arguments.Add(files);
        command.Options.Add(store);
        command.Options.Add(rebatch);
        command.SetAction((parse, ct) => IdentityRunner.LoadAsync(
            parse.GetRequiredValue(files), parse.GetRequiredValue(store), parse.GetValue(rebatch), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static Command ReviewCommand()
    {
        var store = StoreOption.Create();
        var limit = new Option<int>("--limit") { Description = "Most tasks to list.", DefaultValueFactory = _ => 50 };
        var status = new Option<ReviewStatus>("--status") { Description = "Open, Decided or Withdrawn.", DefaultValueFactory = _ => ReviewStatus.Open };
        var list = new Command("list", "List review tasks, oldest first: task id, the two record keys, probability.");
        list.Options.Add(store);
        list.Options.Add(limit);
        list.Options.Add(status);
        list.SetAction((parse, ct) => IdentityRunner.ReviewListAsync(
            parse.GetRequiredValue(store), parse.GetValue(status), parse.GetValue(limit), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var showId = new Argument<long>("task") { Description = "Review task id." };
        var show = new Command("show", "Show a review task: both records side by side and the match-weight explanation (personal data).");
        show.Arguments.Add(showId);
        show.Options.Add(store);
        show.SetAction((parse, ct) => IdentityRunner.ReviewShowAsync(
            parse.GetRequiredValue(store), parse.GetValue(showId), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var id = new Argument<long>("task") { Description = "Review task id." };
        var same = new Option<bool>("--same") { Description = "The same person: link the record to the candidate's person." };
        var notSame = new Option<bool>("--not-same") { Description = "Not the same person: never to be linked afterwards." };
        var (steward, reason) = StewardOptions();
        var decide = new Command("decide", "Decide a review task.");
        decide.Arguments.Add(id);
        foreach (var option in new Option[] { store, same, notSame, steward, reason })
        {
            decide.Options.Add(option);
        }

        decide.SetAction((parse, ct) => IdentityRunner.ReviewDecideAsync(
            parse.GetRequiredValue(store), parse.GetValue(id), parse.GetValue(same), parse.GetValue(notSame),
            new StewardAction(parse.GetRequiredValue(steward), parse.GetRequiredValue(reason)), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var review = new Command("review", "The review queue of uncertain pairs.");
        review.Subcommands.Add(list);
        review.Subcommands.Add(show);
        review.Subcommands.Add(decide);
        return review;
    }

    private static Command MergeCommand()
    {
        var store = StoreOption.Create();
        var survivor = new Argument<string>("survivor") { Description = "The person that stays." };
        var merged = new Argument<string>("merged") { Description = "The person whose records move into the survivor." };
        var (steward, reason) = StewardOptions();
        var command = new Command("merge", "Merge two persons (undo with gmc identity unmerge).");
        command.Arguments.Add(survivor);
        command.Arguments.Add(merged);
        foreach (var option in new Option[] { store, steward, reason })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => IdentityRunner.MergeAsync(
            parse.GetRequiredValue(store), parse.GetRequiredValue(survivor), parse.GetRequiredValue(merged),
            new StewardAction(parse.GetRequiredValue(steward), parse.GetRequiredValue(reason)), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static Command UnmergeCommand()
    {
        var store = StoreOption.Create();
        var sequence = new Argument<long>("merge") { Description = "The history sequence number of the merge." };
        var (steward, reason) = StewardOptions();
        var command = new Command("unmerge", "Undo a merge: both persons and their records exactly as before it.");
        command.Arguments.Add(sequence);
        foreach (var option in new Option[] { store, steward, reason })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => IdentityRunner.UnmergeAsync(
            parse.GetRequiredValue(store), parse.GetValue(sequence),
            new StewardAction(parse.GetRequiredValue(steward), parse.GetRequiredValue(reason)), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static Command HistoryCommand()
    {
        var store = StoreOption.Create();
        var person = new Argument<string>("person") { Description = "Person id." };
        var command = new Command("history", "The history of a person: every change with who, when and why.");
        command.Arguments.Add(person);
        command.Options.Add(store);
        command.SetAction((parse, ct) => IdentityRunner.HistoryAsync(
            parse.GetRequiredValue(store), parse.GetRequiredValue(person), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static (Option<string> Steward, Option<string> Reason) StewardOptions() =>
        (new Option<string>("--steward") { Description = "The data steward's id.", Required = true },
         new Option<string>("--reason") { Description = "Why, in words (recorded in the history).", Required = true });
}
