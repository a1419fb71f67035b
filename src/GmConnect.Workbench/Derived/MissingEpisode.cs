namespace GmConnect.Workbench.Derived;

/// <summary>A missing (M) or away-without-authorisation (A) period.</summary>
public sealed record MissingEpisode(string Type, DateOnly Start, DateOnly? End);
