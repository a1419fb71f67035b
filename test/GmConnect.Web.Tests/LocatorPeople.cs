using GmConnect.Governance.Administration;
using GmConnect.Governance.Sensitivity;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Demo;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Web.Tests;

/// <summary>
/// A child the Identity Manager of <see cref="RecordsFixture"/>'s exchange knows from a GP record and Manchester
/// children's social care's (one NHS number, one person), with what organisations publish about them through the Locator's producer services, as
/// their demo practitioners would: Manchester's child protection plan (its content in the Repository, published by
/// the demo content publisher the demo seed uses); Salford's child protection plan, labelled restricted (the
/// safeguarding agreement includes restricted records, direct care's does not: break-glass territory) and youth
/// justice order (no agreement names youth justice orders); two police records (police are party to the
/// safeguarding agreement, not to direct care's); Manchester's current and earlier involvement, and the trust's (no
/// agreement names involvements).
/// </summary>
internal static class LocatorPeople
{
    public static readonly Actor Manchester = new("demo-sw-352", "dfe:352", "social-worker");
    public static readonly Actor Salford = new("demo-sw-355", "dfe:355", "social-worker");
    public static readonly Actor Police = new("demo-officer-06", "police:06", "police-officer");
    public static readonly Actor Trust = new("demo-clinician-r0a", "ods:R0A", "clinician");
    private static int _children;

    public static async Task<(string PersonId, string NhsNumber)> ChildWithRecordsAsync(RecordsFixture web, string given, string family)
    {
        if (web.BaseUrl.Length == 0)
        {
            // No browser, so no exchange: skipped locally, failing under CI (as WebFixture.NewPageAsync does).
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "Under CI the browser tests must run.");
            Assert.Skip($"Browser tests skipped: {WebFixture.ChromiumPath} is missing.");
        }

        var n = Interlocked.Increment(ref _children);
        var nhs = IdentityPeople.NhsNumber(30_000 + n);
        var born = new DateOnly(2015, 3, 1).AddDays(n * 41);
        var gp = await web.Identity.SubmitAsync(new IdentityRecord
        {
            Source = "gp:P99001", RecordId = "lg" + n, NhsNumber = nhs, GivenName = given, FamilyName = family, Sex = "M", DateOfBirth = born, Postcode = "M14 5RT",
        });
        var social = await web.Identity.SubmitAsync(new IdentityRecord
        {
            Source = "la:352:socialcare", RecordId = "lc" + n, NhsNumber = nhs, GivenName = given, FamilyName = family, Sex = "M", DateOfBirth = born, Postcode = "M14 5RT",
        });

        Assert.Equal(gp.PersonId, social.PersonId); // the same NHS number: one person
        var services = web.Services;
        var publisher = services.GetRequiredService<PointerPublisher>();
        var content = services.GetRequiredService<IDemoContentPublisher>();
        var involvements = services.GetRequiredService<InvolvementRegister>();
        SubjectIdentifier subject = new(IdentifierSystems.NhsNumber, nhs);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

        async Task PublishAsync(Actor actor, string type, string suffix, int daysAgo, bool withContent, SensitivityLabels labels = SensitivityLabels.None)
        {
            var attachment = withContent ? await content.PublishAsync(actor, type, [subject], CancellationToken.None) : null;
            Assert.True(!withContent || attachment is not null, "the demo content publisher published nothing");
            var outcome = await publisher.CreateAsync(actor, new PointerDraft
            {
                MasterIdentifier = $"urn:gmconnect:web-test:{actor.OrganisationId}|{n}-{suffix}",
                Type = type,
                Subjects = [subject],
                Author = "Web test team",
                PeriodStart = today.AddDays(-daysAgo),
                Sensitivity = labels,
                Content = [attachment ?? new PointerAttachment($"https://records.example/{suffix}/{n}", "application/pdf")],
            });
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        }

        await PublishAsync(Manchester, "child-protection-plan", "cpp-352", 40, withContent: true);
        await PublishAsync(Salford, "child-protection-plan", "cpp-355", 400, withContent: false, SensitivityLabels.Restricted);
        await PublishAsync(Salford, "youth-justice-order", "yjo-355", 200, withContent: false);
        await PublishAsync(Police, "police-incident", "inc-1", 20, withContent: false);
        await PublishAsync(Police, "missing-episode", "inc-2", 10, withContent: false);
        var ended = await involvements.RegisterAsync(Manchester, new InvolvementDraft
        {
            Subject = subject, Team = "Early help, South", LeadContact = "early-help-south@manchester.example", Start = today.AddDays(-500), End = today.AddDays(-200), LastContact = today.AddDays(-201),
        });
        var now = await involvements.RegisterAsync(Manchester, new InvolvementDraft
        {
            Subject = subject, Team = "Children's services, South", LeadContact = "south-duty@manchester.example", Start = today.AddDays(-60), LastContact = today.AddDays(-2),
        });
        var current = await involvements.RegisterAsync(Trust, new InvolvementDraft
        {
            Subject = subject, Team = "Community paediatrics", LeadContact = "paeds@mft.example", Start = today.AddDays(-60), LastContact = today.AddDays(-3),
        });
        Assert.True(ended.Succeeded && now.Succeeded && current.Succeeded, string.Join("; ", ended.Problems.Concat(now.Problems).Concat(current.Problems)));
        return (gp.PersonId, nhs);
    }
}
