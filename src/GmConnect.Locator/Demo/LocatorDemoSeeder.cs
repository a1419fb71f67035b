using System.Globalization;
using GmConnect.Governance.Administration;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Locator.Demo;

/// <summary>
/// Gives the demo something to show: on a store without pointers, publishes pointers (and registers involvements)
/// for some of the synthetic people in the demo population's person-records files, through the ordinary producer
/// services, as the shipped demo practitioners of the custodian organisations. The data are synthetic.
/// </summary>
public sealed class LocatorDemoSeeder
{
    /// <summary>Per source file: the source prefix, the custodian, the demo practitioner who publishes, and the types published in turn.</summary>
    private static readonly (string File, string Source, Actor Actor, string Team, string[] Types)[] Plan =
    [
        ("records-socialcare.csv", "la:352:socialcare", new Actor("demo-sw-352", "dfe:352", "social-worker", "demo-seed"), "Children's services",
            ["child-protection-plan", "child-in-need-plan", "looked-after-status", "early-help-assessment", "education-health-care-plan", "youth-justice-order"]),
        ("records-socialcare.csv", "la:355:socialcare", new Actor("demo-sw-355", "dfe:355", "social-worker", "demo-seed"), "Children's services",
            ["child-in-need-plan", "child-protection-plan", "homelessness-case"]),
        ("records-police.csv", "police:gmp", new Actor("demo-officer-06", "police:06", "police-officer", "demo-seed"), "Public protection",
            ["police-incident", "missing-episode", "domestic-abuse-notification"]),
        ("records-acute.csv", "acute:R0A", new Actor("demo-clinician-r0a", "ods:R0A", "clinician", "demo-seed"), "Community paediatrics",
            ["health-visitor-contact", "end-of-life-care-plan"]),
    ];

    private readonly PointerStore _store;
    private readonly PointerPublisher _publisher;
    private readonly InvolvementRegister _involvements;
    private readonly TimeProvider _time;
    private readonly ILogger<LocatorDemoSeeder> _logger;
    private readonly IDemoContentPublisher? _content;

    internal LocatorDemoSeeder(
        PointerStore store, PointerPublisher publisher, InvolvementRegister involvements, TimeProvider time, ILogger<LocatorDemoSeeder> logger,
        IDemoContentPublisher? content = null)
    {
        _content = content;
        _store = store;
        _publisher = publisher;
        _involvements = involvements;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Seeds when the store holds no pointer yet and the demo files exist: up to <paramref name="perSource"/> people
    /// per source in <see cref="Plan"/>. Returns the number of pointers published.
    /// </summary>
    public async Task<int> SeedIfEmptyAsync(string demoDirectory, int perSource = 25, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(demoDirectory);
        if (await _store.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        int pointers = 0, involvements = 0, people = 0;
        foreach (var (file, source, actor, team, types) in Plan)
        {
            var path = Path.Combine(demoDirectory, file);
            if (!File.Exists(path))
            {
                continue;
            }

            var i = 0;
            foreach (var row in PersonRecordsFile.Read(path).Where(r => r.Source == source).Take(perSource))
            {
                people++;
                var subjects = new List<SubjectIdentifier> { new(IdentifierSystems.ForSource(row.Source), row.RecordId) };
                if (row.NhsNumber is { } nhs)
                {
                    subjects.Add(new SubjectIdentifier(IdentifierSystems.NhsNumber, nhs));
                }

                var start = today.AddDays(-30 - (i * 37 % 700));
                var type = types[i % types.Length];
                var attachment = _content is null ? null : await _content.PublishAsync(actor, type, subjects, cancellationToken).ConfigureAwait(false);
                var outcome = await _publisher.CreateAsync(actor, new PointerDraft
                {
                    MasterIdentifier = $"urn:gmconnect:demo:{source}|{row.RecordId}-{type}",
                    Type = type,
                    Subjects = subjects,
                    Author = team,
                    Description = "Synthetic demo record",
                    PeriodStart = start,
                    PeriodEnd = i % 4 == 3 ? start.AddDays(120) : null,
                    Content = [attachment ?? new PointerAttachment($"https://records.example/{actor.OrganisationId.Replace(':', '-')}/{type}/{row.RecordId}", "application/pdf")],
                }, cancellationToken).ConfigureAwait(false);
                pointers += outcome.Succeeded ? 1 : 0;

                // Involvements need the person known to the Identity Manager; without it they are skipped.
                var involved = await _involvements.RegisterAsync(actor, new InvolvementDraft
                {
                    Subject = subjects[0],
                    Team = team,
                    LeadContact = "duty-team@" + actor.OrganisationId.Replace(':', '-') + ".example",
                    Start = start,
                    End = i % 5 == 4 ? start.AddDays(90) : null,
                    LastContact = today.AddDays(-(i % 28)),
                }, cancellationToken).ConfigureAwait(false);
                involvements += involved.Succeeded ? 1 : 0;
                i++;
            }
        }

        Log.DemoSeeded(_logger, pointers, involvements, people);
        return pointers;
    }
}
