using System.Text;
using GmConnect.Governance.Administration;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Demo;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.RecordTypes;
using GmConnect.Repository.Content;

namespace GmConnect.Server.Locator;

/// <summary>
/// Gives demo pointers something to open: synthetic text content published to the Repository by the pointer's
/// custodian, as the custodian's demo practitioner. The Repository needs the person's key and date of birth, so a
/// person the Identity Manager does not know yet gets no content (the pointer then points at a custodian system).
/// </summary>
internal sealed class DemoRecordContent(IIdentityManager identity, ContentRepository repository, RecordTypeRegistry types) : IDemoContentPublisher
{
    public const string ContentType = "text/plain";

    public async Task<PointerAttachment?> PublishAsync(Actor custodian, string recordType, IReadOnlyList<SubjectIdentifier> subjects, CancellationToken cancellationToken)
    {
        if (types.Find(recordType) is not { } type)
        {
            return null;
        }

        foreach (var subject in subjects)
        {
            var person = await identity.ResolveAsync(subject.System, subject.Value, cancellationToken);
            var born = person?.Records.Select(r => r.Record.DateOfBirth).FirstOrDefault(d => d is not null);
            if (person is null || born is not { } dateOfBirth)
            {
                continue;
            }

            var text = $"""
                {type.Display}

                Synthetic demo content published by {custodian.OrganisationId} for GM Connect's demonstration.
                It describes no real person. A real record would hold the plan, its reviews and the people involved.
                """;
            var published = await repository.PublishAsync(
                new PublishRequest(null, Encoding.UTF8.GetBytes(text), ContentType, custodian.OrganisationId, custodian.PractitionerId, type.Code,
                    type.SharingCategory, person.PersonId, dateOfBirth, type.RetentionClass, type.Sensitivity),
                cancellationToken);
            return published.Version is { } version
                ? new PointerAttachment(RecordContentLinks.BinaryUrl(version.ContentId), ContentType, Title: type.Display)
                : null;
        }

        return null;
    }
}
