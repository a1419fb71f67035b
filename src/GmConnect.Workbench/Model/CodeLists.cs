using System.Collections.Frozen;

namespace GmConnect.Workbench.Model;

/// <summary>
/// The 903 code lists valid in one collection year. Lists change by year (SEX became M/F/U and K3 was
/// added in 2024/25; H5, P2 and Z1 went in 2025/26; REC E43/E44 gave way to E45–E48 in 2018/19).
/// </summary>
public sealed class CodeLists
{
    private CodeLists(CollectionYear year)
    {
        Year = year;
        Sex = year.StartYear >= 2024 ? Set("M", "F", "U") : Set("1", "2");
        var place = new List<string>
        {
            "A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
            "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6",
        };
        if (year.StartYear <= 2024)
        {
            place.AddRange(["H5", "P2", "Z1"]);
        }

        if (year.StartYear >= 2024)
        {
            place.Add("K3");
        }

        if (year.StartYear >= 2025)
        {
            place.AddRange(["Z11", "Z12", "Z13", "Z14"]);
        }

        Place = place.ToFrozenSet(StringComparer.Ordinal);
        var rec = new List<string>
        {
            "X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E4A", "E4B",
            "E5", "E6", "E7", "E8", "E9",
        };
        rec.AddRange(year.StartYear >= 2018 ? ["E45", "E46", "E47", "E48"] : ["E43", "E44"]);
        Rec = rec.ToFrozenSet(StringComparer.Ordinal);
        var change = new List<string> { "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "OTHER" };
        if (year.StartYear >= 2018)
        {
            change.Add("CUSTOD");
        }

        ReasonPlaceChange = change.ToFrozenSet(StringComparer.Ordinal);
        Activ = year.StartYear >= 2021
            ? Set("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0")
            : Set("F1", "P1", "F2", "P2", "F3", "P3", "G4", "G5", "G6", "0");
    }

    /// <summary>The year these lists are for.</summary>
    public CollectionYear Year { get; }

    public FrozenSet<string> Sex { get; }

    public FrozenSet<string> Place { get; }

    public FrozenSet<string> Rec { get; }

    public FrozenSet<string> ReasonPlaceChange { get; }

    public FrozenSet<string> Activ { get; }

    public static FrozenSet<string> Ethnic { get; } = Set(
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    public static FrozenSet<string> Rne { get; } = Set("S", "L", "P", "T", "B", "U");

    public static FrozenSet<string> LegalStatus { get; } = Set("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3");

    public static FrozenSet<string> CategoryOfNeed { get; } = Set("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    public static FrozenSet<string> PlaceProvider { get; } = Set("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

    public static FrozenSet<string> ReviewCode { get; } = Set("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");

    public static FrozenSet<string> SdqReason { get; } = Set("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");

    public static FrozenSet<string> InTouch { get; } = Set("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");

    public static FrozenSet<string> Accom { get; } = Set(
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2",
        "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0");

    public static FrozenSet<string> PrevPerm { get; } = Set("P1", "P2", "P3", "P4", "Z1");

    public static FrozenSet<string> MissingType { get; } = Set("M", "A");

    public static FrozenSet<string> ReasonPlacedCeased { get; } = Set("RD1", "RD2", "RD3", "RD4");

    public static FrozenSet<string> NbAdoptr { get; } = Set("1", "2");

    public static FrozenSet<string> SexAdoptr { get; } = Set("M1", "F1", "MM", "FF", "MF");

    public static FrozenSet<string> LsAdoptr { get; } = Set("L0", "L11", "L12", "L2", "L3", "L4");

    public static FrozenSet<string> SwReason { get; } = Set(
        "MANAGE", "FCONTA", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "LEFTRL", "ORGRST", "SWDIED", "OTHERS");

    /// <summary>Temporary placements (not counted as moves).</summary>
    public static FrozenSet<string> Temporary { get; } = Set("T0", "T1", "T2", "T3", "T4");

    /// <summary>Placed for adoption.</summary>
    public static FrozenSet<string> Adoption { get; } = Set("A3", "A4", "A5", "A6");

    /// <summary>Respite legal statuses (excluded from headline counts).</summary>
    public static FrozenSet<string> Respite { get; } = Set("V3", "V4");

    /// <summary>The lists for a collection year.</summary>
    public static CodeLists For(CollectionYear year) => new(year);

    private static FrozenSet<string> Set(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);
}
