namespace GmConnect.Workbench.Reports;

/// <summary>Whom a share reaches: one named practitioner, or a group from Governance's registries.</summary>
public enum ReportShareKind
{
    /// <summary>One practitioner, by id, in whichever organisation and role they sign in.</summary>
    Person,

    /// <summary>Everyone signed in for one organisation (an authority, a trust, …), whatever their role.</summary>
    Organisation,

    /// <summary>Everyone signed in for one organisation in one role (for example Manchester's analysts).</summary>
    Role,
}
