namespace GmConnect.Workbench.Model;

/// <summary>The tables of an SSDA903 return, named as in validation reports.</summary>
public enum ReturnTable
{
    Header,
    Episodes,
    UASC,
    Reviews,
    OC2,
    OC3,
    AD1,
    PlacedAdoption,
    PrevPerm,
    Missing,
    SWEpisodes,
    DoLo,
}
