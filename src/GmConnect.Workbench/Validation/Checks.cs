using System.Collections.Frozen;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>Building blocks the rule files share.</summary>
internal static class Checks
{
    public static readonly DateOnly NoDate = DateOnly.MinValue;

    /// <summary>Rows of <paramref name="table"/> for which <paramref name="fails"/> holds.</summary>
    public static IEnumerable<(ReturnTable, int)> Rows(ValidationContext ctx, ReturnTable table, Func<Ssda903Table, int, bool> fails)
    {
        var t = ctx[table];
        for (var r = 0; r < t.Count; r++)
        {
            if (fails(t, r))
            {
                yield return (table, r);
            }
        }
    }

    /// <summary>A code outside the list (blank allowed unless <paramref name="required"/>).</summary>
    public static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> Code(ReturnTable table, string column, Func<ValidationContext, FrozenSet<string>> codes, bool required = false) =>
        ctx =>
        {
            var set = codes(ctx);
            return Rows(ctx, table, (t, r) => t.Get(r, column) is { } v ? !set.Contains(v) : required);
        };

    /// <summary>A filled cell that is not a date (or a blank one when <paramref name="required"/>).</summary>
    public static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> Date(ReturnTable table, string column, bool required = false) =>
        ctx => Rows(ctx, table, (t, r) => t.Get(r, column) is null ? required : t.Date(r, column) is null);

    /// <summary>Age in whole years of the child on a date, using the header DOB; null if unknown.</summary>
    public static int? Age(ValidationContext ctx, string child, DateOnly? on) =>
        ctx.Dob(child) is { } dob && on is { } d ? Dates.AgeOn(dob, d) : null;

    /// <summary>Age on the row's date column.</summary>
    public static int? AgeAt(ValidationContext ctx, Ssda903Table t, int r, string column) => Age(ctx, t.Child(r), t.Date(r, column));

    // A span, not an array: rules call this per row with literal code lists, and params arrays were allocated per call.
    public static bool Is(this Ssda903Table t, int r, string column, params ReadOnlySpan<string> values) =>
        t.Get(r, column) is { } v && values.Contains(v);

    public static bool In(this Ssda903Table t, int r, string column, FrozenSet<string> values) =>
        t.Get(r, column) is { } v && values.Contains(v);

    public static bool Blank(this Ssda903Table t, int r, string column) => t.Get(r, column) is null;

    public static bool Filled(this Ssda903Table t, int r, string column) => t.Get(r, column) is not null;

    /// <summary>Episode end or the collection end when open.</summary>
    public static DateOnly EndOrCollectionEnd(ValidationContext ctx, int r) => ctx.Episodes.Date(r, "DEC") ?? ctx.End;

    /// <summary>For each child, consecutive (previous, current) episode pairs in DECOM order.</summary>
    public static IEnumerable<(int Prev, int Cur)> Pairs(ValidationContext ctx)
    {
        foreach (var rows in ctx.EpisodesByChild.Values)
        {
            for (var i = 1; i < rows.Count; i++)
            {
                yield return (rows[i - 1], rows[i]);
            }
        }
    }

    /// <summary>The child's open episode at the end of last year's return (its last episode with DEC blank).</summary>
    public static int PreviousOpenEpisode(ValidationContext ctx, string child)
    {
        if (ctx.Previous is null || !ctx.PreviousEpisodesByChild.TryGetValue(child, out var rows) || rows.Count == 0)
        {
            return -1;
        }

        var last = rows[^1];
        return ctx.Previous[ReturnTable.Episodes].Blank(last, "DEC") ? last : -1;
    }

    public static IEnumerable<(ReturnTable, int)> Ep(int row) => [(ReturnTable.Episodes, row)];
}
