using GmConnect.Demo.Output;
using GmConnect.Demo.Randomness;
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

    public int TwinPairs { get; set; }

    public int FatherSonSameName { get; set; }

    /// <summary>The household's generator, carried from building to record planning.</summary>
    public Prng Rng;

    /// <summary>A valid NHS number of someone in the previous household (for single-person households).</summary>
    public string NearbyNhsNumber { get; set; } = "";

    /// <summary>The records planned for the members, in order, before record ids are given.</summary>
    public List<RowSnapshot> Rows { get; } = new(16);
}
