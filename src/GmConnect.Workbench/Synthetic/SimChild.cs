namespace GmConnect.Workbench.Synthetic;

/// <summary>A simulated child: characteristics and the full episode history across years.</summary>
internal sealed class SimChild
{
    public required string Id { get; init; }

    public required bool Male { get; init; }

    public required DateOnly Dob { get; init; }

    public required string Ethnic { get; init; }

    public required string Upn { get; init; }

    public bool Uasc { get; init; }

    /// <summary>Social workers in start order (each until the next starts), with the reason each began.</summary>
    public List<(string Id, DateOnly Start, string Reason)> SocialWorkers { get; } = [];

    public List<SimEpisode> Episodes { get; } = [];

    public List<(string Type, DateOnly Start, DateOnly End)> Missing { get; } = [];

    /// <summary>Decision that the child should be placed for adoption, match, and whether adopted by the foster carer.</summary>
    public (DateOnly Decision, DateOnly Match)? Adoption { get; set; }

    public DateOnly Entry => Episodes[0].Decom;
}

/// <summary>A simulated episode (a row of the Episodes table once written).</summary>
internal sealed record SimEpisode(DateOnly Decom, string Rne, string Ls, string Cin, string Place, string Provider, string? Urn, string HomePost, string PlPost)
{
    public DateOnly? Dec { get; set; }

    public string? Rec { get; set; }

    public string? ReasonPlaceChange { get; set; }
}
