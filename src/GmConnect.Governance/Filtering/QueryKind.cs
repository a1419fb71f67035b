namespace GmConnect.Governance.Filtering;

/// <summary>How the candidates were found. Matters for protected addresses.</summary>
public enum QueryKind
{
    /// <summary>The records of one known person (by person key or identifier).</summary>
    ByPerson,

    /// <summary>A demographic search by name, date of birth and the like (no address).</summary>
    Demographic,

    /// <summary>
    /// Any search that used an address, postcode or registered GP. A person with a protected address is never
    /// returned from one, and is not counted as withheld either: that would confirm they live there.
    /// </summary>
    Address,
}
