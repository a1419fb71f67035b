namespace GmConnect.Integration.Fhir;

/// <summary>What happened to one imported resource.</summary>
public enum FhirTargetOutcome
{
    /// <summary>New in the exchange.</summary>
    Created,

    /// <summary>Replaced an earlier version held under the same key.</summary>
    Updated,

    /// <summary>Already held exactly so; nothing was written.</summary>
    Unchanged,

    /// <summary>Not accepted; see the problems.</summary>
    Rejected,
}
