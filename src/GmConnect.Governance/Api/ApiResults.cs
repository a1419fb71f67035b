using GmConnect.Governance.Administration;
using Microsoft.AspNetCore.Http;

namespace GmConnect.Governance.Api;

/// <summary>Maps Governance results to HTTP results (problem details for every rejection).</summary>
internal static class ApiResults
{
    public static IResult Unauthenticated() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
            detail: $"The token must carry {GovernanceClaims.Practitioner}, {GovernanceClaims.Organisation} and {GovernanceClaims.Role} (and {GovernanceClaims.Purpose} for access).");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static IResult From(ChangeResult result, object? value = null) => result.Status switch
    {
        ChangeStatus.Ok => value is null ? TypedResults.NoContent() : TypedResults.Ok(value),
        ChangeStatus.Forbidden => Forbidden(string.Join("; ", result.Problems)),
        ChangeStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: string.Join("; ", result.Problems)),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [.. result.Problems] }),
    };
}
