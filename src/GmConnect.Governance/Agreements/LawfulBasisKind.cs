namespace GmConnect.Governance.Agreements;

/// <summary>The families of lawful basis.</summary>
public enum LawfulBasisKind
{
    /// <summary>UK GDPR Article 6(1) basis for processing.</summary>
    Article6,

    /// <summary>UK GDPR Article 9(2) condition for special category data.</summary>
    Article9,

    /// <summary>A statute that permits or requires sharing.</summary>
    StatutoryGateway,

    /// <summary>DPA 2018 Part 3 law-enforcement processing.</summary>
    LawEnforcement,
}
