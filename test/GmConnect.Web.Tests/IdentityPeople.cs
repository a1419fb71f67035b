using GmConnect.Identity.Manager;

namespace GmConnect.Web.Tests;

/// <summary>
/// Synthetic people for the Identity Manager in the browser tests: unrelated strangers (so that term frequencies
/// look like a population's) and, per test, a GP record with a near-duplicate from children's social care that
/// the matcher cannot decide — a review task.
/// </summary>
internal static class IdentityPeople
{
    private static readonly string[] Given = ["Amara", "Bilal", "Ciara", "Dmitri", "Eilidh", "Farah", "Gethin", "Hana", "Idris", "Jovana", "Kofi", "Lorna"];
    private static readonly string[] Family = ["Ashworth", "Bamford", "Cheetham", "Duckworth", "Entwistle", "Fairclough", "Greenhalgh", "Haworth"];
    private static int _pairs;

    public static async Task AddStrangersAsync(IIdentityManager identity, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await identity.SubmitAsync(new IdentityRecord
            {
                Source = "stranger:" + (i % 3),
                RecordId = "s" + i,
                NhsNumber = NhsNumber(10_000 + i),
                GivenName = Given[i % Given.Length] + (i / Given.Length == 0 ? "" : "x" + (i / Given.Length)),
                FamilyName = Family[(i * 7) % Family.Length] + "-" + i,
                Sex = i % 2 == 0 ? "F" : "M",
                DateOfBirth = new DateOnly(1940, 1, 1).AddDays(i * 397),
                Postcode = "OL" + ((i % 16) + 1) + " " + (i % 9) + "AB",
            });
        }
    }

    /// <summary>A GP's record and social care's uncertain near-duplicate of it; the review task between them.</summary>
    public static async Task<(ReviewTask Task, MatchOutcome Gp, MatchOutcome Uncertain)> ReviewPairAsync(IIdentityManager identity, string given, string family)
    {
        var n = Interlocked.Increment(ref _pairs);
        var dateOfBirth = new DateOnly(2010, 1, 1).AddDays(n * 53);
        var gp = await identity.SubmitAsync(new IdentityRecord
        {
            Source = "gp:P99001", RecordId = "g" + n, NhsNumber = NhsNumber(500 + n), GivenName = given, MiddleNames = "Rose", FamilyName = family,
            Sex = "F", DateOfBirth = dateOfBirth, Postcode = "M13 9PL", Phone = "07700 900" + (100 + n),
        });
        // No identifiers, no phone, a different postcode in the same sector: plausible, not certain.
        var uncertain = await identity.SubmitAsync(new IdentityRecord
        {
            Source = "la:352:socialcare", RecordId = "c" + n, GivenName = given, FamilyName = family, DateOfBirth = dateOfBirth, Postcode = "M13 9QQ",
        });
        Assert.Equal(MatchDecision.ReviewOpened, uncertain.Decision);
        var task = await identity.GetReviewTaskAsync(uncertain.ReviewTaskId!.Value);
        return (task!, gp, uncertain);
    }

    /// <summary>A valid NHS number (modulus 11 check digit) made from a seed.</summary>
    public static string NhsNumber(int seed)
    {
        for (var candidate = 400_000_000L + seed * 10L; ; candidate++)
        {
            var digits = candidate.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }

            if (check != 10)
            {
                return digits + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
