namespace GmConnect.Governance.Registries;

/// <summary>The kinds of organisation that take part in the exchange.</summary>
public enum OrganisationKind
{
    /// <summary>A local authority, keyed by its DfE code (e.g. <c>dfe:352</c> Manchester).</summary>
    LocalAuthority,

    /// <summary>An NHS trust, keyed by its ODS code.</summary>
    NhsTrust,

    /// <summary>A GP practice, keyed by its ODS code.</summary>
    GpPractice,

    /// <summary>A police force.</summary>
    Police,

    /// <summary>A school, keyed by its URN.</summary>
    School,

    /// <summary>A victim service.</summary>
    VictimService,

    /// <summary>A housing provider.</summary>
    Housing,

    /// <summary>A regional adoption agency.</summary>
    AdoptionAgency,
}
