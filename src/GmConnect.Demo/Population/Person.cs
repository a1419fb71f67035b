using GmConnect.Demo.Tables;

namespace GmConnect.Demo.Population;

/// <summary>One synthetic person: the truth that every source record is a (possibly wrong) copy of.</summary>
internal sealed class Person
{
    /// <summary>Position in the population (0-based), set when the household is placed in order.</summary>
    public long Index { get; set; }

    public string PersonId { get; set; } = "";

    public required char Sex { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    public required int Age { get; init; }

    public required EthnicGroup Group { get; init; }

    public required string GivenName { get; set; }

    public string MiddleNames { get; set; } = "";

    public required string FamilyName { get; set; }

    /// <summary>The surname the person had before marriage or adoption, when it changed.</summary>
    public string? FormerFamilyName { get; set; }

    // Identifier requests, decided (with the household's generator) while the household is built
    // in parallel, and filled in order afterwards so that numbers do not depend on scheduling.
    public bool WantsNhsNumber { get; set; }

    public char NinoSuffix { get; set; }

    public int PncYear { get; set; }

    /// <summary>LAESTAB of the school that issued the UPN, and the year it did.</summary>
    public int UpnSchool { get; set; }

    public int UpnYear { get; set; }

    public string NhsNumber { get; set; } = "";

    public string Upn { get; set; } = "";

    /// <summary>LA code and establishment number (LAESTAB) of the school the child attends now.</summary>
    public int SchoolLaEstab { get; set; }

    public string Nino { get; set; } = "";

    public string PncId { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";
}
