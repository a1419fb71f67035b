namespace GmConnect.Governance.BreakGlass;

/// <summary>
/// The coded justification a practitioner must give to break the glass. As in the 2008 sealed-envelope design,
/// the code says on what ground the override rests; the free text says what is happening.
/// </summary>
public enum BreakGlassJustification
{
    /// <summary>A risk to life or of serious harm that cannot wait (vital interests).</summary>
    ImminentRiskToLife,

    /// <summary>A child is suffering or likely to suffer significant harm.</summary>
    ChildAtRisk,

    /// <summary>An adult at risk needs protection now.</summary>
    AdultAtRisk,

    /// <summary>The person consented and the record of that consent cannot be reached in time.</summary>
    ConsentGivenNotRecorded,

    /// <summary>A legal requirement (court order, statutory duty) demands the information now.</summary>
    LegalRequirement,
}
