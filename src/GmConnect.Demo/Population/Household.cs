using GmConnect.Demo.Tables;

namespace GmConnect.Demo.Population;

/// <summary>People living at one address, with the address they lived at before (for stale records).</summary>
internal sealed class Household
{
    public required long Index { get; init; }

    public required LocalAuthority Authority { get; init; }

    public required Address Current { get; init; }

    public required Address Previous { get; init; }

    /// <summary>GP practice code shared by the household (families register together).</summary>
    public required string GpPractice { get; init; }

    /// <summary>The practice the household was registered with before it moved.</summary>
    public required string PreviousGpPractice { get; init; }

    public string Landline { get; set; } = "";

    public List<Person> Members { get; } = new(6);
}
