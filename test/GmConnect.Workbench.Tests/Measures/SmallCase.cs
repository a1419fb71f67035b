using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Tests.Measures;

/// <summary>
/// A hand-made 2024/25 return for Bolton (children A–F) and one for Bury (a different child also called A), whose
/// measures were worked out by hand (see <see cref="MeasuresTests"/>).
/// </summary>
internal static class SmallCase
{
    public static Ssda903Return Bolton()
    {
        var r = new Ssda903Return("Bolton", new CollectionYear(2024));
        var h = new Ssda903Table(ReturnTable.Header);
        h.AddRow("A", "M", "01/01/2022", "WBRI", "UN1", null, null);
        h.AddRow("B", "F", "01/01/2010", "WBRI", null, "0", null);
        h.AddRow("C", "F", "01/01/2012", "WBRI", null, "0", null);
        h.AddRow("D", "M", "01/01/2015", "WBRI", null, null, null);
        h.AddRow("E", "M", "01/01/2016", "WBRI", null, null, null);
        h.AddRow("F", "M", "01/01/2020", "WBRI", null, null, null);
        r.Set(h);
        var e = new Ssda903Table(ReturnTable.Episodes);
        // A: starts 01/06/2024 (U4), moves to U6 01/09/2024, a temporary T1 and back to the same U6.
        Ep(e, "A", "01/06/2024", "S", "C1", "U4", "01/09/2024", "X1", "U1A");
        Ep(e, "A", "01/09/2024", "P", "C1", "U6", "01/10/2024", "X1", "U6A");
        Ep(e, "A", "01/10/2024", "T", "C1", "T1", "05/10/2024", "X1", null);
        Ep(e, "A", "05/10/2024", "P", "C1", "U6", null, null, "U6A");
        // B: in care since 2020; two moves in the year (U4 → K2 → U6): three placements.
        Ep(e, "B", "01/01/2020", "S", "C2", "U4", "01/05/2024", "X1", "U4B");
        Ep(e, "B", "01/05/2024", "P", "C2", "K2", "01/08/2024", "X1", "K2B");
        Ep(e, "B", "01/08/2024", "P", "C2", "U6", null, null, "U6B");
        // C: in care since 2021 in one placement.
        Ep(e, "C", "01/01/2021", "S", "C2", "U4", null, null, "U4C");
        // D: ceased 01/03/2025, returned home, after 394 days.
        Ep(e, "D", "01/02/2024", "S", "V2", "U6", "01/03/2025", "E4A", "U6D");
        // E: a respite break only.
        Ep(e, "E", "01/05/2024", "S", "V3", "R1", "05/05/2024", "E8", null);
        // F: entered 01/01/2023, placement order 01/03/2024, placed for adoption with the foster carer 01/09/2024, adopted 01/02/2025.
        Ep(e, "F", "01/01/2023", "S", "C2", "U4", "01/03/2024", "X1", "U4F");
        Ep(e, "F", "01/03/2024", "L", "E1", "U4", "01/09/2024", "X1", "U4F");
        Ep(e, "F", "01/09/2024", "U", "E1", "A5", "01/02/2025", "E11", "U4F");
        r.Set(e);
        var ad1 = new Ssda903Table(ReturnTable.AD1);
        ad1.AddRow("F", "01/01/2020", "01/06/2024", "01/08/2024", "1", "2", "MF", "L11");
        r.Set(ad1);
        var m = new Ssda903Table(ReturnTable.Missing);
        m.AddRow("A", "01/01/2022", "M", "01/11/2024", "02/11/2024");
        m.AddRow("A", "01/01/2022", "M", "01/12/2024", "03/12/2024");
        m.AddRow("B", "01/01/2010", "A", "01/07/2024", "02/07/2024");
        r.Set(m);
        return r;
    }

    public static Ssda903Return Bury()
    {
        var r = new Ssda903Return("Bury", new CollectionYear(2024));
        var h = new Ssda903Table(ReturnTable.Header);
        h.AddRow("A", "F", "01/01/2015", "WBRI", null, null, null);
        r.Set(h);
        var e = new Ssda903Table(ReturnTable.Episodes);
        Ep(e, "A", "01/01/2022", "S", "C2", "K2", null, null, "K2Z");
        r.Set(e);
        return r;
    }

    private static void Ep(Ssda903Table t, string child, string decom, string rne, string ls, string place, string? dec, string? rec, string? urn) =>
        t.AddRow(child, decom, rne, ls, "N1", place, place.StartsWith('T') ? null : "PR1", dec, rec, null, "M1 1AA", urn is null ? null : "M2 2" + urn[..2], urn);
}
