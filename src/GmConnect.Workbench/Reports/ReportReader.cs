namespace GmConnect.Workbench.Reports;

/// <summary>
/// Who is asking about a report, as sharing needs it: the practitioner, and the organisation and role they act in
/// (from their sign-in). The owner is a practitioner, whichever organisation they act for at the time.
/// </summary>
public sealed record ReportReader(string PractitionerId, string OrganisationId, string Role)
{
    /// <summary>Whether a share reaches this reader.</summary>
    public bool IsReachedBy(ReportShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return share.Kind switch
        {
            ReportShareKind.Person => string.Equals(share.PractitionerId, PractitionerId, StringComparison.Ordinal),
            ReportShareKind.Organisation => string.Equals(share.OrganisationId, OrganisationId, StringComparison.Ordinal),
            ReportShareKind.Role => string.Equals(share.OrganisationId, OrganisationId, StringComparison.Ordinal) && string.Equals(share.Role, Role, StringComparison.Ordinal),
            _ => false,
        };
    }
}
