namespace GmConnect.Workbench.Derived;

/// <summary>A social worker episode (SWEpisodes, from 2023/24): who, from, and until (null while open).</summary>
public sealed record SocialWorkerEpisode(string SocialWorker, DateOnly Start, DateOnly? End);
