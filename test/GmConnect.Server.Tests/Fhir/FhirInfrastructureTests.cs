using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.AspNetCore.Http;

namespace GmConnect.Server.Tests.Fhir;

public sealed class FhirInfrastructureTests
{
    [Theory]
    [InlineData(IdentityError.NotFound, 404, OperationOutcome.IssueType.NotFound)]
    [InlineData(IdentityError.Conflict, 409, OperationOutcome.IssueType.Conflict)]
    [InlineData(IdentityError.Invalid, 400, OperationOutcome.IssueType.Invalid)]
    public void Map_IdentityException_StatusAndIssueCode(IdentityError error, int status, OperationOutcome.IssueType code)
    {
        var mapped = OperationOutcomes.Map(new IdentityException(error, "no such person"));

        Assert.NotNull(mapped);
        Assert.Equal(status, mapped.Value.Status);
        Assert.Equal(code, mapped.Value.Outcome.Issue.Single().Code);
        Assert.Equal("no such person", mapped.Value.Outcome.Issue.Single().Diagnostics);
    }

    [Fact]
    public void Map_UnexpectedException_NullSoTheCallerAnswers500WithoutItsMessage()
    {
        Assert.Null(OperationOutcomes.Map(new InvalidOperationException("secret value")));
        Assert.DoesNotContain("secret", OperationOutcomes.ServerError("t1").Issue.Single().Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchSet_MiddlePage_TotalLinksScoresAndGrades()
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("example.test");
        http.Request.Path = "/fhir/Patient";
        http.Request.QueryString = new QueryString("?family=Smith&_count=2&_offset=2");
        var page = new[]
        {
            new SearchEntry(new Patient { Id = "a" }, 0.9m, "certain"),
            new SearchEntry(new Patient { Id = "b" }, 0.5m),
        };

        var bundle = FhirBundles.SearchSet(http.Request, page, total: 7, offset: 2, count: 2);

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(7, bundle.Total);
        Assert.Equal("http://example.test/fhir/Patient?family=Smith&_count=2&_offset=4", bundle.Link.Single(l => l.Relation == "next").Url);
        Assert.Equal("http://example.test/fhir/Patient?family=Smith&_count=2&_offset=0", bundle.Link.Single(l => l.Relation == "previous").Url);
        Assert.Equal("http://example.test/fhir/Patient/a", bundle.Entry[0].FullUrl);
        Assert.Equal(0.9m, bundle.Entry[0].Search!.Score);
        Assert.Equal("certain", Assert.IsType<Code>(bundle.Entry[0].Search!.GetExtension(FhirBundles.MatchGradeExtension)?.Value).Value);
        Assert.Null(bundle.Entry[1].Search!.GetExtension(FhirBundles.MatchGradeExtension));
    }

    [Fact]
    public void SearchSet_LastPage_NoNextLink()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/fhir/Patient";
        http.Request.Host = new HostString("example.test");
        http.Request.Scheme = "http";

        var bundle = FhirBundles.SearchSet(http.Request, [new SearchEntry(new Patient { Id = "a" })], total: 1, offset: 0, count: 20);

        Assert.DoesNotContain(bundle.Link, l => l.Relation is "next" or "previous");
    }
}
