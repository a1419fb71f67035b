using System.Globalization;
using GmConnect.Governance.SubjectAccess;
using GmConnect.Identity.Manager;

namespace GmConnect.Identity.SubjectAccess;

/// <summary>
/// For a subject access report: the source records the Identity Manager holds about a person (following a merge
/// to the surviving person), one line per record with its source, version and how it was linked.
/// </summary>
internal sealed class IdentitySubjectRecords(IIdentityManager manager) : ISubjectRecordSource
{
    public async Task<IReadOnlyList<HeldRecord>> RecordsAboutAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personId);
        var person = await manager.ResolveAsync(IdentifierSystems.Person, personId, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return [];
        }

        return [.. person.Records.Select(r => new HeldRecord(
            "Identity",
            r.Record.Key.ToString(),
            r.Record.Source,
            "identity-record",
            string.Create(CultureInfo.InvariantCulture, $"Identity details as recorded by {r.Record.Source} (version {r.Version}), linked to you {Describe(r.Link)}"),
            r.Record.RecordedOn))];
    }

    private static string Describe(LinkProvenance link) => link.Method switch
    {
        LinkMethod.Founding => "as the first record of your person",
        LinkMethod.Automatic => "automatically by the matcher",
        LinkMethod.Batch => "by the bulk linkage",
        _ => "by a data steward",
    };
}
