using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>The internal integrity checks (INT…) and EPI: children, DOBs and sexes agree with Header.</summary>
internal static class IntegrityRules
{
    public static IEnumerable<Rule> All()
    {
        (string Code, ReturnTable Table)[] notInHeader =
        [
            ("INT01", ReturnTable.AD1), ("INT02", ReturnTable.PlacedAdoption), ("INT03", ReturnTable.Episodes), ("INT04", ReturnTable.Missing),
            ("INT05", ReturnTable.OC2), ("INT06", ReturnTable.OC3), ("INT07", ReturnTable.PrevPerm), ("INT08", ReturnTable.Reviews), ("INT09", ReturnTable.UASC),
        ];
        foreach (var (code, table) in notInHeader)
        {
            yield return new(code, ctx => Rows(ctx, table, (t, r) => ctx.HeaderRow(t.Child(r)) < 0));
        }

        (string Code, ReturnTable Table)[] dob =
        [
            ("INT11", ReturnTable.AD1), ("INT12", ReturnTable.PlacedAdoption), ("INT13", ReturnTable.Missing), ("INT14", ReturnTable.OC2),
            ("INT15", ReturnTable.OC3), ("INT16", ReturnTable.PrevPerm), ("INT17", ReturnTable.Reviews), ("INT18", ReturnTable.UASC),
        ];
        foreach (var (code, table) in dob)
        {
            yield return new(code, ctx => Differs(ctx, table, "DOB"));
        }

        yield return new("INT21", ctx => Differs(ctx, ReturnTable.UASC, "SEX"));
        (string Code, ReturnTable Table)[] once =
        [
            ("INT31", ReturnTable.AD1), ("INT32", ReturnTable.Header), ("INT33", ReturnTable.OC2), ("INT34", ReturnTable.OC3),
            ("INT35", ReturnTable.PrevPerm), ("INT36", ReturnTable.UASC),
        ];
        foreach (var (code, table) in once)
        {
            // The context's rows-per-child index (built once per table) instead of grouping the table for each rule; the
            // validator sorts every error by table and row, so the order of the hits does not matter.
            yield return new(code, ctx => Rows(ctx, table, (t, r) => ctx.RowsOf(table, t.Child(r)).Count > 1));
        }

        yield return new("EPI", ctx => Rows(ctx, ReturnTable.Header, (t, r) => ctx.EpisodesOf(t.Child(r)).Count == 0
            && ctx.RowsOf(ReturnTable.OC3, t.Child(r)).Count == 0));
    }

    // As the reference: the row of the other table is reported when a header row of the same child gives a different
    // value, both being present (dates compared as dates; one that does not parse is not compared).
    private static IEnumerable<(ReturnTable, int)> Differs(ValidationContext ctx, ReturnTable table, string column)
    {
        var t = ctx[table];
        var dates = column == "DOB";
        foreach (var r in t.Rows)
        {
            var headers = ctx.RowsOf(ReturnTable.Header, t.Child(r));
            var differs = dates
                ? t.Date(r, column) is { } a && headers.Any(h => ctx.Header.Date(h, column) is { } b && a != b)
                : t.Get(r, column) is { } x && headers.Any(h => ctx.Header.Get(h, column) is { } y && !string.Equals(x, y, StringComparison.Ordinal));
            if (differs)
            {
                yield return (table, r);
            }
        }
    }
}
