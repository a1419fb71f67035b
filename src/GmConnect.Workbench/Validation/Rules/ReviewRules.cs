using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on Reviews, and on respite-only children (399).</summary>
internal static class ReviewRules
{
    private const ReturnTable R = ReturnTable.Reviews;

    public static IEnumerable<Rule> All()
    {
        yield return new("166", Date(R, "REVIEW", required: true));
        yield return new("167", ctx => Rows(ctx, R, (t, r) => t.Get(r, "REVIEW_CODE") is { } c ? !CodeLists.ReviewCode.Contains(c) : t.Filled(r, "REVIEW")));
        yield return new("440", ctx => Rows(ctx, R, (t, r) => t.Is(r, "REVIEW_CODE", "PN0") && AgeAtReview(ctx, t, r) >= 4));
        yield return new("441", ctx => Rows(ctx, R, (t, r) => t.Is(r, "REVIEW_CODE", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7") && AgeAtReview(ctx, t, r) < 4));
        yield return new("399", Rule399);
    }

    private static int? AgeAtReview(ValidationContext ctx, Ssda903Table t, int r) =>
        (t.Date(r, "DOB") ?? ctx.Dob(t.Child(r))) is { } dob && t.Date(r, "REVIEW") is { } review ? Dates.AgeOn(dob, review) : null;

    // Children whose every episode is respite (V3/V4) have no mother field and no reviews.
    private static IEnumerable<(ReturnTable, int)> Rule399(ValidationContext ctx)
    {
        foreach (var (child, eps) in ctx.EpisodesByChild)
        {
            if (eps.Count == 0 || !eps.All(e => ctx.Episodes.In(e, "LS", CodeLists.Respite)))
            {
                continue;
            }

            var header = ctx.HeaderRow(child);
            var reviews = ctx.RowsOf(R, child).Where(r => ctx[R].Filled(r, "REVIEW") || ctx[R].Filled(r, "REVIEW_CODE")).ToList();
            var mother = header >= 0 && ctx.Header.Filled(header, "MOTHER");
            if (!mother && reviews.Count == 0)
            {
                continue;
            }

            if (mother)
            {
                yield return (ReturnTable.Header, header);
            }

            foreach (var r in reviews)
            {
                yield return (R, r);
            }

            foreach (var e in eps)
            {
                yield return (ReturnTable.Episodes, e);
            }
        }
    }
}
