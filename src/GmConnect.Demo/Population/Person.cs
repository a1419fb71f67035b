using GmConnect.Demo.Tables;

namespace GmConnect.Demo.Population;

/// <summary>One synthetic person: the truth that every source record is a (possibly wrong) copy of.</summary>
internal sealed class Person
{
    public required long Index { get; init; }

    public required string PersonId { get; init; }

    public required char Sex { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    public required int Age { get; init; }

    public required EthnicGroup Group { get; init; }

    public required string GivenName { get; set; }

    public string MiddleNames { get; set; } = "";

    public required string FamilyName { get; set; }

    /// <summary>The surname the person had before marriage or adoption, when it changed.</summary>
    public string? FormerFamilyName { get; set; }

    public string NhsNumber { get; set; } = "";

    public string Upn { get; set; } = "";

    /// <summary>LA code and establishment number (LAESTAB) of the school the child attends now.</summary>
    public int SchoolLaEstab { get; set; }

    public string Nino { get; set; } = "";

    public string PncId { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";
}
