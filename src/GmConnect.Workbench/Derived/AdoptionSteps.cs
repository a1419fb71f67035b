namespace GmConnect.Workbench.Derived;

/// <summary>
/// The adoption timeline of a period of care that ended in adoption (REC E11/E12): entry, court authority
/// (placement order E1 or freeing order D1), decision, match, move in with the adoptive family, adoption order.
/// </summary>
public sealed record AdoptionSteps(
    DateOnly EnteredCare,
    DateOnly? CourtAuthority,
    DateOnly? Decision,
    DateOnly? Matched,
    DateOnly? PlacedForAdoption,
    DateOnly Adopted,
    bool ByFosterCarer,
    DateOnly? FosterPlacementStart);
