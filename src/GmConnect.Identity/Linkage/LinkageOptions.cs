using GmConnect.Identity.Linkage.Training;

namespace GmConnect.Identity.Linkage;

/// <summary>Options for one linkage run.</summary>
public sealed record LinkageOptions
{
    /// <summary>A model trained earlier; null means train on these records.</summary>
    public ModelParameters? Model { get; init; }

    /// <summary>Overrides the settings' clustering threshold (match probability).</summary>
    public double? Threshold { get; init; }

    /// <summary>Train m and u from these record-index pairs with known status instead of EM.</summary>
    public IReadOnlyList<(int A, int B, bool Match)>? Labels { get; init; }

    /// <summary>Record-index pairs that must never end up in one cluster.</summary>
    public IReadOnlyCollection<(int A, int B)>? CannotLink { get; init; }

    /// <summary>Clock for step timings.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
