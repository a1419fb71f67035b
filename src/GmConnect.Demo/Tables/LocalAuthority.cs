using GmConnect.Demo.Randomness;

namespace GmConnect.Demo.Tables;

/// <summary>One of the ten GM authorities with the tables the generator samples for it.</summary>
internal sealed class LocalAuthority
{
    public required int Code { get; init; }

    public required string Name { get; init; }

    /// <summary>ODS-style prefix of its GP practice codes (e.g. P84 for Manchester).</summary>
    public required string GpPrefix { get; init; }

    /// <summary>ODS code of the acute trust most of its residents use.</summary>
    public required string AcuteTrust { get; init; }

    /// <summary>Live postcodes (OS Code-Point Open) and, index for index, the ward name used as locality.</summary>
    public required string[] Postcodes { get; init; }

    public required string[] Localities { get; init; }

    /// <summary>Residents aged 18 and over by (age, sex), ONS mid-year estimate weights.</summary>
    public required WeightedTable<(int Age, char Sex)> Adults { get; init; }

    /// <summary>Residents aged 0–17 by (age, sex).</summary>
    public required WeightedTable<(int Age, char Sex)> Children { get; init; }

    public required WeightedTable<EthnicGroup> Groups { get; init; }

    public required double Population { get; init; }
}
