namespace GmConnect.Identity.Linkage;

/// <summary>Progress of a linkage step: its name and the fraction done (0–1).</summary>
public readonly record struct LinkageProgress(string Step, double Fraction);
