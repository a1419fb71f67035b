using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on UASC status.</summary>
internal static class UascRules
{
    private const ReturnTable U = ReturnTable.UASC;

    public static IEnumerable<Rule> All()
    {
        // As the reference: a valid date that is not before the collection year.
        yield return new("104", ctx => Rows(ctx, U, (t, r) => t.Filled(r, "DUC") && (t.Date(r, "DUC") is not { } duc || duc < ctx.Start)));
        yield return new("304", ctx => Rows(ctx, U, (t, r) => t.Date(r, "DUC") is { } duc && (t.Date(r, "DOB") ?? ctx.Dob(t.Child(r))) is { } dob && duc > dob.AddYears(18)));
        // The UASC flag exists only in the XML layout (in CSV a row in the UASC table is the flag); there, as the
        // reference and the message ("invalid or has not been completed"), a blank flag fails too.
        yield return new("105", ctx => Rows(ctx, ReturnTable.Header, (t, r) => t.HasColumn("UASC") && t.Get(r, "UASC") is not ("0" or "1")));
        yield return new("303", Rule303);
    }

    // As the reference: a DUC in the child's UASC row with the header's UASC flag (XML layout) not 1; the header row and
    // the UASC row are both reported.
    private static IEnumerable<(ReturnTable, int)> Rule303(ValidationContext ctx)
    {
        if (!ctx.Header.HasColumn("UASC"))
        {
            yield break;
        }

        foreach (var h in ctx.Header.Rows)
        {
            if (ctx.Header.Is(h, "UASC", "1"))
            {
                continue;
            }

            foreach (var u in ctx.RowsOf(U, ctx.Header.Child(h)).Where(u => ctx[U].Filled(u, "DUC")))
            {
                yield return (ReturnTable.Header, h);
                yield return (U, u);
            }
        }
    }
}
