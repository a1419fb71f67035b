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
        // The UASC flag exists only in the XML layout (in CSV a row in the UASC table is the flag).
        yield return new("105", ctx => Rows(ctx, ReturnTable.Header, (t, r) => t.Get(r, "UASC") is { } v && v is not ("0" or "1")));
        yield return new("303", ctx => Rows(ctx, ReturnTable.Header, (t, r) => t.HasColumn("UASC") && t.Get(r, "DUC") is not null && !t.Is(r, "UASC", "1")));
    }
}
