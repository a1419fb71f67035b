using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;
using static GmConnect.Workbench.Model.ReturnTable;

namespace GmConnect.Workbench.Tests.Validation;

/// <summary>
/// One targeted fixture per DfE rule: the clean <see cref="ReturnBuilder"/> return broken in exactly the way the
/// rule's catalogue entry describes, and the table and row the rule must report.
/// </summary>
internal sealed record RuleCase(string Code, Action<ReturnBuilder> Break, ReturnTable Table, int Row, Action<ReturnBuilder>? BreakPrevious = null, int StartYear = 2024, ValidationLookups? Lookups = null);

internal static class RuleCases
{
    private static readonly List<RuleCase> List = [];

    static RuleCases()
    {
        // Header
        C("101", b => b.Set(Header, 0, "SEX", "1"), Header);
        C("102", b => b.Set(Header, 0, "DOB", "31/02/2012"), Header);
        C("103", b => b.Set(Header, 0, "ETHNIC", "XXXX"), Header);
        C("168", b => b.Set(Header, 0, "UPN", "I123456789012"), Header);
        C("171", b => b.Set(Header, 0, "MC_DOB", "45/01/2020").Set(Header, 0, "MOTHER", "1"), Header);
        C("174", b => b.Set(Header, 0, "SEX", "M").Set(Header, 0, "MC_DOB", "01/01/2024"), Header);
        C("301", b => b.Set(Header, 0, "DOB", "01/04/2025"), Header);
        C("351", b => b.Set(Header, 0, "DOB", "01/01/1990"), Header);
        C("209", b => b.Set(Header, 0, "UPN", "UN1"), Header);
        C("210", b => b.Set(Header, 0, "UPN", "UN4"), Header);
        C("442", b => b.Set(Header, 0, "UPN", null), Header);
        C("611", b => b.Set(Header, 0, "MOTHER", "1"), Header);
        C("612", b => b.Set(Header, 0, "MC_DOB", "01/01/2024"), Header);
        C("620", b => b.Set(Header, 0, "DOB", "01/06/2015").Set(Header, 0, "MOTHER", "1").Set(Header, 0, "MC_DOB", "01/01/2024"), Header);
        C("621", b => b.Set(Header, 0, "MOTHER", "1").Set(Header, 0, "MC_DOB", "01/01/2010"), Header);
        C("625", b => b.Set(Header, 0, "MOTHER", "1").Set(Header, 0, "MC_DOB", "01/04/2025"), Header);
        C("165", b => b.Set(Header, 0, "MOTHER", "2"), Header);
        C("393", b => b.Set(Header, 0, "MOTHER", null), Header);
        C("607", b => b.Set(Header, 0, "MOTHER", null).Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E4A"), Header);
        C("628", b => { Leaver(b); b.Set(Header, 1, "MOTHER", "0"); }, Header, 1);

        // Episodes: single fields
        C("141", b => b.Set(Episodes, 0, "DECOM", "32/01/2023"), Episodes);
        C("143", b => b.Set(Episodes, 0, "RNE", "Q"), Episodes);
        C("144", b => b.Set(Episodes, 0, "LS", "ZZ"), Episodes);
        C("145", b => b.Set(Episodes, 0, "CIN", "N9"), Episodes);
        C("146", b => b.Set(Episodes, 0, "PLACE", "Q1"), Episodes);
        C("147", b => b.Set(Episodes, 0, "DEC", "31/13/2024").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("148", b => b.Set(Episodes, 0, "DEC", "01/02/2025"), Episodes);
        C("149", b => b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E99"), Episodes);
        C("178", b => b.Set(Episodes, 0, "PLACE_PROVIDER", "PR9"), Episodes);
        C("1009", b => b.Set(Episodes, 0, "REASON_PLACE_CHANGE", "WHIM"), Episodes);
        C("213", b => b.Set(Episodes, 0, "PLACE", "T1"), Episodes);
        C("214", b => b.Set(Episodes, 0, "LS", "V3"), Episodes);
        C("218", b => b.Set(Episodes, 0, "URN", null), Episodes);
        C("222", b => b.Set(Episodes, 0, "PLACE", "R1"), Episodes);
        C("226", b => b.Set(Episodes, 0, "PLACE", "T2").Set(Episodes, 0, "REASON_PLACE_CHANGE", "CARPL"), Episodes);
        C("353", b => b.Set(Episodes, 0, "DECOM", "01/01/1990"), Episodes);
        C("354", b => b.Set(Episodes, 0, "DECOM", "01/04/2025"), Episodes);
        C("385", b => b.Set(Episodes, 0, "DEC", "01/04/2025").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("355", b => b.Set(Episodes, 0, "DEC", "01/01/2023").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("356", b => b.Set(Episodes, 0, "DEC", "01/12/2022").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("361", b => b.Set(Episodes, 0, "LS", "L1").Set(Episodes, 0, "DEC", "10/01/2023").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("362", b => b.Set(Episodes, 0, "LS", "L2").Set(Episodes, 0, "DEC", "01/03/2023").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("363", b => b.Set(Episodes, 0, "LS", "L3").Set(Episodes, 0, "DEC", "01/02/2023").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("365", b => b.Set(Episodes, 0, "LS", "V3").Set(Episodes, 0, "DEC", "01/03/2023").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("366", b => b.Set(Episodes, 0, "LS", "V3").Set(Episodes, 0, "RNE", "P"), Episodes);
        C("375", b => b.Set(Episodes, 0, "PLACE", "T1"), Episodes);
        C("376", b => b.Set(Episodes, 0, "PLACE", "T3"), Episodes);
        C("379", b => b.Set(Episodes, 0, "PLACE", "T4"), Episodes);
        C("378", b => b.Set(Episodes, 0, "PLACE", "P1").Set(Episodes, 0, "LS", "V2").Set(Episodes, 0, "PLACE_PROVIDER", "PR0"), Episodes);
        C("380", b => b.Set(Episodes, 0, "PLACE", "T0"), Episodes);
        C("381", b => b.Set(Episodes, 0, "PLACE", "T0").Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E4A"), Episodes);
        C("382", b => b.Set(Episodes, 0, "LS", "V3").Set(Episodes, 0, "PLACE", "T1"), Episodes);
        C("384", b => b.Set(Episodes, 0, "LS", "V4").Set(Episodes, 0, "PLACE", "U1"), Episodes);
        C("390", b => b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E11"), Episodes);
        C("408", b => b.Set(Episodes, 0, "PLACE", "A6"), Episodes);
        C("217", b => b.Set(Episodes, 0, "PLACE", "A3").Set(Episodes, 0, "RNE", "P"), Episodes);
        C("445", b => b.Set(Episodes, 0, "LS", "D1"), Episodes);
        C("446", b => b.Set(Episodes, 0, "LS", "E1").Set(Episodes, 0, "DECOM", "01/01/2004"), Episodes);
        C("451", b => b.Set(Episodes, 0, "LS", "D1"), Episodes);
        C("516", b => b.Set(Episodes, 0, "PLACE", "K2").Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E45"), Episodes);
        C("526", b => b.Set(Episodes, 0, "PLACE_PROVIDER", null), Episodes);
        C("527", b => b.Set(Episodes, 0, "PLACE", "R2"), Episodes);
        C("528", b => b.Set(Episodes, 0, "PLACE", "R5").Set(Episodes, 0, "PLACE_PROVIDER", "PR2"), Episodes);
        C("529", b => b.Set(Episodes, 0, "PLACE_PROVIDER", "PR3"), Episodes);
        C("530", b => b.Set(Episodes, 0, "PLACE", "P1").Set(Episodes, 0, "PLACE_PROVIDER", "PR4"), Episodes);
        C("531", b => b.Set(Episodes, 0, "PLACE", "P1").Set(Episodes, 0, "PLACE_PROVIDER", "PR5"), Episodes);
        C("550", b => b.Set(Episodes, 0, "PLACE_PROVIDER", "PR0"), Episodes);
        C("392b", b => b.Set(Episodes, 0, "HOME_POST", null), Episodes);
        C("392d", b => b.Set(Episodes, 0, "PL_POST", "m1 1aa"), Episodes);
        C("398", b => b.Set(Episodes, 0, "LS", "V4"), Episodes);

        // Episodes: the chain
        C("142", b => { Chain(b); b.Set(Episodes, 0, "DEC", null).Set(Episodes, 0, "REC", null); }, Episodes, 0);
        // A first episode that starts in the year (one carried over from an earlier year is not judged).
        C("357", b => b.Set(Episodes, 0, "DECOM", "01/05/2024").Set(Episodes, 0, "RNE", "P"), Episodes);
        C("388", b => { Chain(b); b.Set(Episodes, 1, "DECOM", "02/06/2024"); }, Episodes, 0);
        C("431", b => { Chain(b); b.Set(Episodes, 1, "RNE", "S"); }, Episodes, 1);
        C("432", b => { Chain(b); b.Set(Episodes, 0, "REC", "E4A"); }, Episodes, 1);
        C("433", b => { Chain(b); b.Set(Episodes, 1, "DECOM", "10/06/2024"); }, Episodes, 1);
        C("434", b => { Chain(b); b.Set(Episodes, 1, "RNE", "L"); }, Episodes, 1);
        C("435", b => { Chain(b); b.Set(Episodes, 1, "PLACE", "U4").Set(Episodes, 1, "PL_POST", "M2 2BB").Set(Episodes, 1, "URN", "SC123456"); }, Episodes, 1);
        C("436", b => { Chain(b); b.Set(Episodes, 1, "RNE", "B"); }, Episodes, 1);
        C("437", b => { Chain(b); b.Set(Episodes, 0, "REC", "E2"); }, Episodes, 0);
        C("501", b => { Chain(b); b.Set(Episodes, 1, "DECOM", "01/05/2024"); }, Episodes, 1);
        C("504", b => { Chain(b); b.Set(Episodes, 1, "CIN", "N2"); }, Episodes, 1);
        C("225", b => { Chain(b); b.Set(Episodes, 0, "REASON_PLACE_CHANGE", null); }, Episodes, 0);
        C("383", b =>
        {
            Chain(b);
            b.Set(Episodes, 1, "PLACE", "T1").Set(Episodes, 1, "PLACE_PROVIDER", null).Set(Episodes, 1, "PL_POST", null).Set(Episodes, 1, "URN", null)
                .Set(Episodes, 1, "DEC", "01/07/2024").Set(Episodes, 1, "REC", "X1");
            b.Add(Episodes, "CHILD=1", "DECOM=01/07/2024", "RNE=P", "LS=C2", "CIN=N1", "PLACE=K2", "PLACE_PROVIDER=PR1", "HOME_POST=M1 1AA", "PL_POST=M3 3CC", "URN=SC555555");
        }, Episodes, 1);
        C("426", b => { Chain(b); b.Set(Episodes, 0, "LS", "V3").Set(Episodes, 1, "LS", "V4"); }, Episodes, 0);
        C("377", b =>
        {
            b.Set(Episodes, 0, "DEC", "01/05/2024").Set(Episodes, 0, "REC", "X1");
            string[] days = ["01/05/2024", "05/05/2024", "01/06/2024", "05/06/2024", "01/07/2024", "05/07/2024"];
            for (var i = 0; i < days.Length; i++)
            {
                var place = i % 2 == 0 ? "PLACE=T3" : "PLACE=U4";
                var end = i + 1 < days.Length ? new[] { $"DEC={days[i + 1]}", "REC=X1" } : [];
                b.Add(Episodes, ["CHILD=1", $"DECOM={days[i]}", "RNE=T", "LS=C2", "CIN=N1", place, .. end]);
            }
        }, Episodes, 1);
        C("367", b => { Chain(b); b.Set(Episodes, 0, "LS", "V3").Set(Episodes, 0, "DEC", "01/08/2024").Set(Episodes, 1, "DECOM", "01/08/2024"); }, Episodes, 0);

        // Episodes against age
        C("302", b => b.Set(Episodes, 0, "DECOM", "01/01/2010"), Episodes);
        C("352", b => b.Set(Header, 0, "DOB", "01/01/2000"), Episodes);
        C("358", b => b.Set(Episodes, 0, "LS", "J1").Set(Header, 0, "DOB", "01/06/2014"), Episodes);
        C("371", b => b.Set(Episodes, 0, "PLACE", "K3"), Episodes);
        C("372", b => b.Set(Episodes, 0, "PLACE", "R5").Set(Header, 0, "DOB", "01/06/2014"), Episodes);
        C("373", b => b.Set(Episodes, 0, "PLACE", "S1").Set(Header, 0, "DOB", "01/06/2020"), Episodes);
        C("374", b => b.Set(Episodes, 0, "PLACE", "P3"), Episodes);
        C("386", b => b.Set(Episodes, 0, "PLACE", "A5").Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E11").Set(Header, 0, "DOB", "01/01/2000"), Episodes);
        C("387", b => b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E5"), Episodes);
        C("389", b => b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E7"), Episodes);
        C("407", b => b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E45").Set(Header, 0, "DOB", "01/01/2005"), Episodes);
        C("460", b => b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E17"), Episodes);

        // OC2
        C("180", b => b.Set(OC2, 0, "SDQ_SCORE", "41"), OC2);
        C("181", b => b.Set(OC2, 0, "CONVICTED", "2"), OC2);
        C("182", b => b.Set(OC2, 0, "IMMUNISATIONS", null), OC2);
        C("196", b => b.Set(OC2, 0, "SDQ_REASON", "SDQ9").Set(OC2, 0, "SDQ_SCORE", null), OC2);
        C("197B", b => b.Set(Header, 0, "DOB", "01/06/2020").Set(OC2, 0, "DOB", "01/06/2020").Set(OC2, 0, "SDQ_SCORE", null), OC2);
        C("197a", b => b.Set(OC2, 0, "SDQ_REASON", "SDQ2"), OC2);
        C("158", b => b.Set(OC2, 0, "SUBSTANCE_MISUSE", "1").Set(OC2, 0, "INTERVENTION_RECEIVED", "1").Set(OC2, 0, "INTERVENTION_OFFERED", "0"), OC2);
        C("159", b => b.Set(OC2, 0, "SUBSTANCE_MISUSE", "1").Set(OC2, 0, "INTERVENTION_RECEIVED", "0"), OC2);
        C("192", b => b.Set(OC2, 0, "SUBSTANCE_MISUSE", "1"), OC2);
        C("193", b => b.Set(OC2, 0, "INTERVENTION_RECEIVED", "1"), OC2);
        C("185", b => b.Set(Episodes, 0, "DECOM", "01/06/2024"), OC2);
        C("190", b => b.Set(Episodes, 0, "DECOM", "01/06/2024"), OC2);
        C("198", b => b.Set(Episodes, 0, "DECOM", "01/06/2024").Set(OC2, 0, "SDQ_SCORE", null).Set(OC2, 0, "SDQ_REASON", "SDQ2"), OC2);
        C("191", b => b.Set(OC2, 0, "TEETH_CHECK", null), OC2);
        C("186", b => b.Set(OC2, 0, "SDQ_SCORE", null), OC2);
        C("188", b => b.Set(OC2, 0, "DOB", "01/06/2022"), OC2);
        C("189", b => b.Set(OC2, 0, "DOB", "01/01/2006"), OC2);
        C("157", b => b.Set(OC2, 0, "SDQ_SCORE", null).Set(OC2, 0, "SDQ_REASON", "SDQ1"), OC2);
        C("542", b => b.Set(OC2, 0, "DOB", "01/06/2016"), OC2);
        C("543", b => b.Set(OC2, 0, "CONVICTED", null), OC2);
        C("544", b => b.Set(OC2, 0, "CONVICTED", "1").Set(OC2, 0, "IMMUNISATIONS", null), OC2);
        C("545", b => b.Set(OC2, 0, "DOB", "01/06/2021"), OC2);
        C("546", b => b.Set(OC2, 0, "HEALTH_CHECK", "1"), OC2);
        C("547", b => b.Set(OC2, 0, "HEALTH_CHECK", "1").Set(OC2, 0, "TEETH_CHECK", null), OC2);
        C("187", b => b.Add(AD1, "CHILD=1", "DOB=01/06/2012", "DATE_INT=01/03/2024"), AD1);

        // OC3 (child 2 is a care leaver with no episode this year)
        C("131", b => { Leaver(b); b.Set(OC3, 0, "IN_TOUCH", "XX"); }, OC3);
        C("132", b => { Leaver(b); b.Set(OC3, 0, "ACTIV", "F3"); }, OC3);
        C("133", b => { Leaver(b); b.Set(OC3, 0, "ACCOM", "S1"); }, OC3);
        C("153", b => { Leaver(b); b.Set(OC3, 0, "ACCOM", null); }, OC3);
        C("344", b => { Leaver(b); b.Set(OC3, 0, "IN_TOUCH", "DIED"); }, OC3);
        C("345", b => { Leaver(b); b.Set(OC3, 0, "ACTIV", "0"); }, OC3);
        C("391", b => { Leaver(b); b.Set(OC3, 0, "DOB", "01/06/2000"); }, OC3);
        C("3001", b => { Leaver(b); b.Set(OC3, 0, "ACCOM", "Z1").Set(OC3, 0, "DOB", "01/06/2007"); }, OC3);
        C("1016", b =>
        {
            Leaver(b);
            b.Add(Episodes, "CHILD=2", "DECOM=01/01/2024", "RNE=S", "LS=C2", "CIN=N1", "PLACE=U4", "PLACE_PROVIDER=PR1", "DEC=01/05/2024", "REC=E8",
                "HOME_POST=M1 1AA", "PL_POST=M2 2BB", "URN=SC123456");
        }, OC3);
        C("347", b => { Leaver(b); b.Set(OC3, 0, "ACCOM", "T1").Set(OC3, 0, "DOB", "01/06/2007"); }, OC3);
        // As the reference: the AD1 row is reported, when both rows have items completed.
        C("134", b => { Leaver(b); b.Add(AD1, "CHILD=2", "DOB=01/06/2006", "DATE_INT=01/03/2024"); }, AD1);
        C("215", b => { Leaver(b); b.Add(OC2, "CHILD=2", "DOB=01/06/2006", "CONVICTED=0"); }, OC3);
        C("1000", b => { Leaver(b); LeaverEpisode(b, "01/01/2024", "01/05/2024", "E2"); }, OC3);
        C("1011", b => { Leaver(b); LeaverEpisode(b, "01/01/2024", "01/05/2024", "E3"); }, OC3);
        C("1007", b => { Leaver(b); b.Set(OC3, 0, "DOB", "01/06/2007").Set(Header, 1, "DOB", "01/06/2007"); LeaverEpisode(b, "01/01/2020", null, null); }, OC3);
        C("1012", b => { Leaver(b); b.Add(Missing, "CHILD=2", "DOB=01/06/2006", "MISSING=M", "MIS_START=01/05/2024", "MIS_END=02/05/2024"); }, Missing);
        C("1014", b => { Leaver(b); b.Add(UASC, "CHILD=2", "SEX=M", "DOB=01/06/2006"); }, OC3);

        // AD1 and PlacedAdoption (child 1 adopted on 01/02/2025)
        C("112", b => { Adopted(b); b.Set(AD1, 0, "DATE_INT", "xx"); }, AD1);
        C("113", b => { Adopted(b); b.Set(AD1, 0, "DATE_MATCH", "31/02/2024"); }, AD1);
        C("114", b => { Adopted(b); b.Set(AD1, 0, "FOSTER_CARE", "3"); }, AD1);
        C("175", b => { Adopted(b); b.Set(AD1, 0, "NB_ADOPTR", "3"); }, AD1);
        C("176", b => { Adopted(b); b.Set(AD1, 0, "SEX_ADOPTR", "XX"); }, AD1);
        C("177", b => { Adopted(b); b.Set(AD1, 0, "LS_ADOPTR", "L9"); }, AD1);
        C("151", b => { Adopted(b); b.Set(AD1, 0, "LS_ADOPTR", null); }, AD1);
        C("333", b => { Adopted(b); b.Set(AD1, 0, "DATE_INT", "01/06/2024"); }, AD1);
        C("511", b => { Adopted(b); b.Set(AD1, 0, "SEX_ADOPTR", "M1"); }, AD1);
        C("514", b => { Adopted(b); b.Set(AD1, 0, "LS_ADOPTR", "L0"); }, AD1);
        C("517", b => { Adopted(b); b.Set(AD1, 0, "LS_ADOPTR", "L3").Set(AD1, 0, "SEX_ADOPTR", "MM"); }, AD1);
        C("518", b => { Adopted(b); b.Set(AD1, 0, "LS_ADOPTR", "L4"); }, AD1);
        C("519", b => { Adopted(b); b.Set(AD1, 0, "LS_ADOPTR", "L2").Set(AD1, 0, "SEX_ADOPTR", "M1"); }, AD1);
        C("520", b => { Adopted(b); b.Set(AD1, 0, "SEX_ADOPTR", "MM"); }, AD1);
        C("524", b => { Adopted(b); b.Set(AD1, 0, "LS_ADOPTR", "L12"); }, AD1);
        C("115", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED", "xx"); }, PlacedAdoption);
        C("116", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED_CEASED", "xx").Set(PlacedAdoption, 0, "REASON_PLACED_CEASED", "RD1"); }, PlacedAdoption);
        C("120", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED_CEASED", "01/05/2024").Set(PlacedAdoption, 0, "REASON_PLACED_CEASED", "RD9"); }, PlacedAdoption);
        C("119", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED_CEASED", "01/05/2024"); }, PlacedAdoption);
        C("563", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED", null).Set(PlacedAdoption, 0, "DATE_PLACED_CEASED", "01/05/2024").Set(PlacedAdoption, 0, "REASON_PLACED_CEASED", "RD1"); }, PlacedAdoption);
        C("522", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED_CEASED", "01/01/2024").Set(PlacedAdoption, 0, "REASON_PLACED_CEASED", "RD1"); }, PlacedAdoption);
        C("184", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED", "01/01/2010"); }, PlacedAdoption);
        C("579", b => { Adopted(b); b.Add(PlacedAdoption, "CHILD=1", "DOB=01/06/2012", "DATE_PLACED=01/04/2024"); }, PlacedAdoption, 1);
        C("583", b => { Adopted(b); b.Add(PlacedAdoption, "CHILD=1", "DOB=01/06/2012", "DATE_PLACED=01/04/2024"); }, PlacedAdoption, 1);
        C("523", b => { Adopted(b); b.Set(AD1, 0, "DATE_INT", "01/02/2024"); }, AD1);
        C("525", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED_CEASED", "01/05/2024").Set(PlacedAdoption, 0, "REASON_PLACED_CEASED", "RD1"); }, AD1);
        C("601", b => { Adopted(b); b.Clear(AD1); }, Episodes, 1);
        C("602", b => { Adopted(b); b.Set(Episodes, 1, "REC", "E4A"); }, AD1);
        C("558", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED_CEASED", "01/05/2024").Set(PlacedAdoption, 0, "REASON_PLACED_CEASED", "RD1"); }, Episodes, 1);
        C("557", b => { Adopted(b); b.Set(Episodes, 1, "REC", "E4A"); }, PlacedAdoption);
        C("551", b => { Adopted(b); b.Clear(PlacedAdoption); }, Episodes, 1);
        C("553", b => { Adopted(b); b.Clear(PlacedAdoption); }, Episodes, 1);
        C("555", b => { Adopted(b); b.Clear(PlacedAdoption).Set(Episodes, 1, "LS", "D1"); }, Episodes, 1);
        C("552", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED", "01/07/2024"); }, PlacedAdoption);
        C("554", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED", "01/07/2024"); }, PlacedAdoption);
        C("556", b => { Adopted(b); b.Set(Episodes, 1, "LS", "D1").Set(PlacedAdoption, 0, "DATE_PLACED", "01/07/2024"); }, Episodes, 1);
        Y(2023, "370", b => b.Set(Episodes, 0, "PLACE", "P2"), Episodes);
        C("364", b => b.Set(Episodes, 0, "LS", "J2"), Episodes);
        C("359", b => b.Set(Header, 0, "DOB", "01/06/2006"), Episodes);
        C("117", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED", "01/04/2025"); }, PlacedAdoption);
        C("118", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED_CEASED", "01/03/2024").Set(PlacedAdoption, 0, "REASON_PLACED_CEASED", "RD1"); }, PlacedAdoption);
        C("1003", b => { Adopted(b); b.Set(PlacedAdoption, 0, "DATE_PLACED", "01/12/2022"); }, PlacedAdoption);
        C("334", b => { Adopted(b); b.Set(AD1, 0, "DATE_INT", "01/12/2022"); }, AD1);
        C("331", b => { Adopted(b); b.Set(AD1, 0, "DATE_MATCH", "01/07/2024"); }, AD1);
        C("521", b => { Adopted(b); b.Set(AD1, 0, "DATE_INT", "01/07/2024"); }, AD1);
        C("335", b => { Adopted(b); b.Set(AD1, 0, "FOSTER_CARE", "0"); }, AD1);
        C("336", b => { Adopted(b); b.Set(Episodes, 0, "PLACE", "K2"); }, Episodes, 1);
        C("582", b => { Adopted(b); b.Set(AD1, 0, "DATE_MATCH", "01/02/2025"); }, Episodes, 1);

        // Missing (child 1 missing 01/05/2024–03/05/2024)
        C("1004", b => { Missing1(b); b.Set(Missing, 0, "MIS_START", "xx"); }, Missing);
        C("1005", b => { Missing1(b); b.Set(Missing, 0, "MIS_END", "xx"); }, Missing);
        C("1006", b => { Missing1(b); b.Set(Missing, 0, "MISSING", "X"); }, Missing);
        C("564", b => { Missing1(b); b.Set(Missing, 0, "MIS_START", null); }, Missing);
        C("565", b => { Missing1(b); b.Set(Missing, 0, "MISSING", null); }, Missing);
        C("566", b => { Missing1(b); b.Set(Missing, 0, "MISSING", null); }, Missing);
        C("567", b => { Missing1(b); b.Set(Missing, 0, "MIS_END", "30/04/2024"); }, Missing);
        C("570", b => { Missing1(b); b.Set(Missing, 0, "MIS_START", "01/04/2025").Set(Missing, 0, "MIS_END", null); }, Missing);
        C("571", b => { Missing1(b); b.Set(Missing, 0, "MIS_END", "01/04/2025"); }, Missing);
        C("586", b => { Missing1(b); b.Set(Missing, 0, "MIS_START", "01/01/2010"); }, Missing);
        C("574", b => { Missing1(b); b.Add(ReturnTable.Missing, "CHILD=1", "DOB=01/06/2012", "MISSING=A", "MIS_START=02/05/2024", "MIS_END=04/05/2024"); }, Missing, 1);
        C("581", b => { Missing1(b); b.Set(Missing, 0, "MIS_START", "01/12/2022"); }, Missing);
        C("578", b => { Missing1(b); b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E4A").Set(Missing, 0, "MIS_START", "01/03/2025").Set(Missing, 0, "MIS_END", "02/03/2025"); }, Missing);
        C("577", b => { Missing1(b); b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E4A").Set(Missing, 0, "MIS_END", null); }, Missing);
        C("580", b => { Missing1(b); b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E4A").Set(Missing, 0, "DOB", "01/02/2007").Set(Missing, 0, "MIS_START", "30/01/2025").Set(Missing, 0, "MIS_END", "01/02/2025"); }, Episodes);
        C("575", b => { Missing1(b); b.Set(Episodes, 0, "DEC", "01/02/2025").Set(Episodes, 0, "REC", "E4A").Set(Missing, 0, "MIS_END", null); }, Missing);

        // Reviews
        C("166", b => b.Set(Reviews, 0, "REVIEW", null), Reviews);
        C("167", b => b.Set(Reviews, 0, "REVIEW_CODE", "PN9"), Reviews);
        C("440", b => b.Set(Reviews, 0, "REVIEW_CODE", "PN0"), Reviews);
        C("441", b => b.Set(Reviews, 0, "DOB", "01/06/2022"), Reviews);
        C("399", b => b.Set(Episodes, 0, "LS", "V3"), Reviews);

        // UASC
        C("104", b => b.Add(UASC, "CHILD=1", "SEX=F", "DOB=01/06/2012", "DUC=xx"), UASC);
        C("304", b => b.Add(UASC, "CHILD=1", "SEX=F", "DOB=01/06/2012", "DUC=01/07/2030"), UASC);
        C("105", b => b.Set(Header, 0, "UASC", "2"), Header);
        C("303", b => b.Add(UASC, "CHILD=1", "SEX=F", "DOB=01/06/2012", "DUC=01/01/2025"), Header);

        // PrevPerm
        C("631", b => b.Set(PrevPerm, 0, "PREV_PERM", "P9"), PrevPerm);
        C("633", b => b.Set(PrevPerm, 0, "PREV_PERM", "P1").Set(PrevPerm, 0, "LA_PERM", "12"), PrevPerm);
        C("635", b => b.Set(PrevPerm, 0, "LA_PERM", "352"), PrevPerm);
        C("632", b => b.Set(PrevPerm, 0, "PREV_PERM", "P1").Set(PrevPerm, 0, "DATE_PERM", "01/02/2023"), PrevPerm);
        C("630", b => b.Set(Episodes, 0, "DECOM", "01/06/2024").Set(PrevPerm, 0, "PREV_PERM", null), Episodes);
        C("634", b => b.Set(Episodes, 0, "DECOM", "01/01/2015"), PrevPerm);

        // SWEpisodes
        C("SW02STG1", b => b.Set(SWEpisodes, 0, "SW_ID", "AB1"), SWEpisodes);
        C("SW03STG1", b => b.Set(SWEpisodes, 0, "SW_ID", null), SWEpisodes);
        C("SW04STG1", b => b.Set(SWEpisodes, 0, "SW_DECOM", "xx"), SWEpisodes);
        C("SW05STG1", b => b.Set(SWEpisodes, 0, "SW_DEC", "xx"), SWEpisodes);
        C("SW06STG2", b => b.Set(SWEpisodes, 0, "SW_DECOM", "01/04/2025"), SWEpisodes);
        C("SW07STG2", b => b.Set(SWEpisodes, 0, "SW_DEC", "01/04/2025"), SWEpisodes);
        C("SW09STG2", b => b.Set(SWEpisodes, 0, "SW_DEC", "01/01/2023"), SWEpisodes);
        C("SW13STG1", b => b.Set(SWEpisodes, 0, "SW_REASON", "LAZY"), SWEpisodes);
        C("SW15STG2", b => b.Set(SWEpisodes, 0, "SW_DECOM", "01/05/2024").Set(SWEpisodes, 0, "SW_REASON", null), SWEpisodes);
        C("SW14STG2", b => b.Set(SWEpisodes, 0, "SW_DEC", "31/31/2024").Add(SWEpisodes, "CHILD=1", "DOB=01/06/2012", "SW_ID=SW124", "SW_DECOM=01/06/2024", "SW_REASON=MANAGE"), SWEpisodes);
        C("SW108STG2", b => b.Add(SWEpisodes, "CHILD=1", "DOB=01/06/2012", "SW_ID=SW124", "SW_DECOM=01/06/2024", "SW_REASON=MANAGE"), SWEpisodes);
        C("SW10STG2", b => { b.Set(SWEpisodes, 0, "SW_DEC", "01/07/2024"); b.Add(SWEpisodes, "CHILD=1", "DOB=01/06/2012", "SW_ID=SW124", "SW_DECOM=01/06/2024", "SW_REASON=MANAGE"); }, SWEpisodes, 1);
        C("SW11STG2", b => b.Set(SWEpisodes, 0, "SW_DEC", "01/03/2025"), SWEpisodes);
        C("SW01STG1", b => b.Clear(SWEpisodes), Episodes);
        C("SW12STG2", b => b.Set(SWEpisodes, 0, "SW_DECOM", "01/05/2024"), SWEpisodes);

        // Integrity
        C("INT01", b => b.Add(AD1, "CHILD=9"), AD1);
        C("INT02", b => b.Add(PlacedAdoption, "CHILD=9"), PlacedAdoption);
        C("INT03", b => b.Add(Episodes, "CHILD=9", "DECOM=01/01/2024", "RNE=S"), Episodes, 1);
        C("INT04", b => b.Add(Missing, "CHILD=9"), Missing);
        C("INT05", b => b.Add(OC2, "CHILD=9"), OC2, 1);
        C("INT06", b => b.Add(OC3, "CHILD=9"), OC3);
        C("INT07", b => b.Add(PrevPerm, "CHILD=9"), PrevPerm, 1);
        C("INT08", b => b.Add(Reviews, "CHILD=9"), Reviews, 1);
        C("INT09", b => b.Add(UASC, "CHILD=9"), UASC);
        C("INT11", b => b.Add(AD1, "CHILD=1", "DOB=02/06/2012"), AD1);
        C("INT12", b => b.Add(PlacedAdoption, "CHILD=1", "DOB=02/06/2012"), PlacedAdoption);
        C("INT13", b => b.Add(Missing, "CHILD=1", "DOB=02/06/2012"), Missing);
        C("INT14", b => b.Set(OC2, 0, "DOB", "02/06/2012"), OC2);
        C("INT15", b => b.Add(OC3, "CHILD=1", "DOB=02/06/2012"), OC3);
        C("INT16", b => b.Set(PrevPerm, 0, "DOB", "02/06/2012"), PrevPerm);
        C("INT17", b => b.Set(Reviews, 0, "DOB", "02/06/2012"), Reviews);
        C("INT18", b => b.Add(UASC, "CHILD=1", "SEX=F", "DOB=02/06/2012"), UASC);
        C("INT21", b => b.Add(UASC, "CHILD=1", "SEX=M", "DOB=01/06/2012"), UASC);
        C("INT31", b => { b.Add(AD1, "CHILD=1", "DOB=01/06/2012"); b.Add(AD1, "CHILD=1", "DOB=01/06/2012"); }, AD1, 1);
        C("INT32", b => b.Add(Header, "CHILD=1", "SEX=F", "DOB=01/06/2012"), Header, 1);
        C("INT33", b => b.Add(OC2, "CHILD=1", "DOB=01/06/2012"), OC2, 1);
        C("INT34", b => { b.Add(OC3, "CHILD=1", "DOB=01/06/2012"); b.Add(OC3, "CHILD=1", "DOB=01/06/2012"); }, OC3, 1);
        C("INT35", b => b.Add(PrevPerm, "CHILD=1", "DOB=01/06/2012", "PREV_PERM=Z1"), PrevPerm, 1);
        C("INT36", b => { b.Add(UASC, "CHILD=1", "SEX=F", "DOB=01/06/2012"); b.Add(UASC, "CHILD=1", "SEX=F", "DOB=01/06/2012"); }, UASC, 1);
        C("EPI", b => b.Add(Header, "CHILD=3", "SEX=F", "DOB=01/06/2012"), Header, 1);

        // Against last year's return
        P("202", p => p.Set(Header, 0, "SEX", "1"), Header);
        P("203", p => p.Set(Header, 0, "DOB", "02/06/2012"), Header);
        P("204", p => p.Set(Header, 0, "ETHNIC", "WIRI"), Header);
        P("208", p => p.Set(Header, 0, "UPN", "B123456789012"), Header);
        P("207", p => p.Set(Header, 0, "MOTHER", "1"), Header);
        P("624", p => p.Set(Header, 0, "MC_DOB", "01/01/2023"), Header, b => b.Set(Header, 0, "MOTHER", "1").Set(Header, 0, "MC_DOB", "01/02/2023"));
        P("626", _ => { }, Header, b => b.Set(Header, 0, "MOTHER", "1").Set(Header, 0, "MC_DOB", "01/01/2024"));
        P("502", p => p.Set(Episodes, 0, "DECOM", "01/02/2023"), Episodes);
        P("503A", p => p.Set(Episodes, 0, "RNE", "P"), Episodes);
        P("503B", p => p.Set(Episodes, 0, "LS", "C1"), Episodes);
        P("503C", p => p.Set(Episodes, 0, "CIN", "N2"), Episodes);
        P("503D", p => p.Set(Episodes, 0, "PLACE", "U6"), Episodes);
        P("503E", p => p.Set(Episodes, 0, "PLACE_PROVIDER", "PR2"), Episodes);
        P("503F", p => p.Set(Episodes, 0, "URN", "SC999999"), Episodes);
        P("NoE", p => p.Set(Episodes, 0, "CHILD", "5"), Episodes);
        P("562", p => p.Set(Episodes, 0, "DECOM", "01/12/2022"), Episodes);
        P("1010", _ => { }, OC3, b => { Leaver(b); }, prevAlso: p => p.Add(Episodes, "CHILD=2", "DECOM=01/01/2022", "RNE=S", "LS=C2", "CIN=N1", "PLACE=U4"));
        P("1002", _ => { }, OC3, b => { Leaver(b); });
        P("199", p => p.Set(Episodes, 0, "DECOM", "01/01/2020").Set(Episodes, 0, "DEC", "01/12/2022").Set(Episodes, 0, "REC", "E11"), Episodes);
        P("559", _ => { }, PlacedAdoption, b => Adopted(b));
        P("576", p => p.Add(Missing, "CHILD=1", "DOB=01/06/2012", "MISSING=M", "MIS_START=01/03/2024"), Missing, b => Missing1(b));
        P("561", p => p.Add(PlacedAdoption, "CHILD=1", "DOB=01/06/2012", "DATE_PLACED=01/03/2024", "DATE_PLACED_CEASED=15/03/2024", "REASON_PLACED_CEASED=RD1"), PlacedAdoption, b => Adopted(b));
        P("584", p => p.Add(PlacedAdoption, "CHILD=1", "DOB=01/06/2012", "DATE_PLACED=01/03/2024", "DATE_PLACED_CEASED=15/03/2024", "REASON_PLACED_CEASED=RD1"), PlacedAdoption, b => Adopted(b));
        P("560", p => p.Add(PlacedAdoption, "CHILD=1", "DOB=01/06/2012", "DATE_PLACED=01/02/2024"), PlacedAdoption, b => Adopted(b));
        P("SW16aSTG2", p => p.Set(SWEpisodes, 0, "SW_ID", "SW999"), SWEpisodes);
        P("SW16bSTG2", p => p.Set(SWEpisodes, 0, "SW_DECOM", "01/02/2023"), SWEpisodes);
        P("SW16cSTG2", p => p.Set(SWEpisodes, 0, "SW_REASON", "OTHERS"), SWEpisodes);

        // 217t, 230: the placement changes of 28 October 2023 (2023/24 only); child 1's episode is still open.
        Y(2023, "217t", b => b.Set(Episodes, 0, "PLACE", "P2"), Episodes);
        Y(2023, "230", b => b.Set(Episodes, 0, "PLACE", "H5").Set(Episodes, 0, "URN", "XXXXXXX"), Episodes);

        // 1001: care leaver child 2 (16 on 01/06/2022) was looked after for one month last year, so is not a relevant child.
        P("1001", p => p.Add(Episodes, "CHILD=2", "DECOM=01/01/2024", "RNE=S", "LS=C2", "CIN=N1", "PLACE=U4", "DEC=01/02/2024", "REC=E4A"), OC3, b => Leaver(b));

        // 205A–D (XML layout: the header's UASC flag). Child 1 turns 18 on 01/06/2030, the date their UASC status ceases.
        P("205A", p => { p.Set(Header, 0, "UASC", "1"); Uasc(p, "01/06/2030"); }, UASC, b => Uasc(b, null));
        P("205B", p => { p.Set(Header, 0, "UASC", "1"); Uasc(p, "01/06/2030"); }, UASC, b => { b.Set(Header, 0, "UASC", "1"); Uasc(b, "01/06/2029"); });
        P("205C", _ => { }, UASC, b => Uasc(b, "01/06/2030"));
        P("205D", _ => { }, Header, b => { b.Set(Header, 0, "UASC", "1"); Uasc(b, "01/06/2030"); });

        // Placement fields derived from the postcode file (TestLookups: M1, M2 and M4 postcodes in Manchester, the
        // return's authority; BL1 in Bolton; FA1 made up far away).
        C("164", b => b.Set(Episodes, 0, "PL_POST", "FA1 1AA"), Episodes);
        C("392a", b => b.Set(Episodes, 0, "HOME_POST", null), Episodes);
        C("406", b => Uasc(b, "01/06/2030"), Episodes);
        C("169", b => b.Set(Episodes, 0, "PL_POST", "ZZ9 9ZZ"), Episodes);
        C("179", b => b.Set(Episodes, 0, "PL_POST", "ZZ9 9ZZ"), Episodes);
        C("392c", b => b.Set(Episodes, 0, "HOME_POST", "ZZ9 9ZZ"), Episodes);
        C("420", b => b.Set(Episodes, 0, "LS", "V3"), Episodes);
        C("1015", b => b.Set(Episodes, 0, "PLACE", "K2").Set(Episodes, 0, "PL_POST", "BL1 1AA"), Episodes);
        // 411 cannot fail on derived fields (IN means the authority's own); a return carrying the fields can.
        List.Add(new RuleCase("411", b => b.Set(Episodes, 0, "PL_LA", "E08000001").Set(Episodes, 0, "PL_LOCATION", "IN"), Episodes, 0,
            Lookups: new ValidationLookups(AuthorityCode: TestLookups.Authority)));
        foreach (var code in new[] { "452", "453", "503G", "503H", "503J" })
        {
            P(code, p => p.Set(Episodes, 0, "PL_POST", "BL1 1AA"), Episodes);
        }

        // Ofsted's provider list (TestLookups: SC123456 fosters U4/A5 as PR1 at M2 2BB; SC111111 closed on 1 January
        // 2020; SC222222 on 1 February 2025).
        C("1008", b => b.Set(Episodes, 0, "URN", "SC999999"), Episodes);
        C("219", b => b.Set(Episodes, 0, "PLACE", "U6"), Episodes);
        C("224", b => b.Set(Episodes, 0, "PLACE_PROVIDER", "PR2"), Episodes);
        C("221", b => b.Set(Episodes, 0, "PLACE", "K2").Set(Episodes, 0, "PL_POST", "M4 4DD"), Episodes);
        C("227", b => b.Set(Episodes, 0, "URN", "SC111111"), Episodes);
        C("228", b => b.Set(Episodes, 0, "URN", "SC222222"), Episodes);
        C("229", b => b.Set(Episodes, 0, "PLACE_PROVIDER", "PR2"), Episodes);
    }

    public static IReadOnlyList<RuleCase> All => List;

    public static RuleCase Get(string id) => List.Single(c => Id(c) == id);

    public static string Id(RuleCase c) => c.Code + "@" + c.Table + ":" + c.Row;

    private static void C(string code, Action<ReturnBuilder> breakIt, ReturnTable table, int row = 0) => List.Add(new RuleCase(code, breakIt, table, row));

    // A case for a rule of an earlier collection only (its clean return is that year's).
    private static void Y(int startYear, string code, Action<ReturnBuilder> breakIt, ReturnTable table, int row = 0) =>
        List.Add(new RuleCase(code, breakIt, table, row, StartYear: startYear));

    // A case that needs last year's return: `breakPrevious` changes the clean previous return, `breakCurrent` this year's.
    private static void P(string code, Action<ReturnBuilder> breakPrevious, ReturnTable table, Action<ReturnBuilder>? breakCurrent = null, Action<ReturnBuilder>? prevAlso = null) =>
        List.Add(new RuleCase(code, breakCurrent ?? (_ => { }), table, 0, p => { breakPrevious(p); prevAlso?.Invoke(p); }));

    /// <summary>Child 2: a care leaver (boy born 01/06/2006) with OC3 and no episode this year.</summary>
    internal static void Leaver(ReturnBuilder b)
    {
        b.Add(Header, "CHILD=2", "SEX=M", "DOB=01/06/2006", "ETHNIC=WBRI", "UPN=A123456789013", "UASC=0");
        b.Add(OC3, "CHILD=2", "DOB=01/06/2006", "IN_TOUCH=YES", "ACTIV=F1", "ACCOM=U1");
    }

    private static void LeaverEpisode(ReturnBuilder b, string decom, string? dec, string? rec) =>
        b.Add(Episodes, "CHILD=2", $"DECOM={decom}", "RNE=S", "LS=C2", "CIN=N1", "PLACE=U4", "PLACE_PROVIDER=PR1", $"DEC={dec}", $"REC={rec}", "HOME_POST=M1 1AA", "PL_POST=M2 2BB", "URN=SC123456");

    /// <summary>Child 1's placement changes on 01/06/2024 (episode 1: U6 with another foster carer).</summary>
    internal static void Chain(ReturnBuilder b)
    {
        b.Set(Episodes, 0, "DEC", "01/06/2024").Set(Episodes, 0, "REC", "X1").Set(Episodes, 0, "REASON_PLACE_CHANGE", "CARPL");
        b.Add(Episodes, "CHILD=1", "DECOM=01/06/2024", "RNE=P", "LS=C2", "CIN=N1", "PLACE=U6", "PLACE_PROVIDER=PR1", "HOME_POST=M1 1AA", "PL_POST=M4 4DD", "URN=SC654321");
    }

    /// <summary>Child 1 placed for adoption (A5 under a placement order) on 01/06/2024 and adopted on 01/02/2025.</summary>
    internal static void Adopted(ReturnBuilder b)
    {
        b.Set(Episodes, 0, "DEC", "01/06/2024").Set(Episodes, 0, "REC", "X1").Set(Episodes, 0, "REASON_PLACE_CHANGE", "CARPL");
        b.Add(Episodes, "CHILD=1", "DECOM=01/06/2024", "RNE=U", "LS=E1", "CIN=N1", "PLACE=A5", "PLACE_PROVIDER=PR1", "DEC=01/02/2025", "REC=E11",
            "HOME_POST=M1 1AA", "PL_POST=M2 2BB", "URN=SC123456");
        b.Add(AD1, "CHILD=1", "DOB=01/06/2012", "DATE_INT=01/03/2024", "DATE_MATCH=01/05/2024", "FOSTER_CARE=1", "NB_ADOPTR=2", "SEX_ADOPTR=MF", "LS_ADOPTR=L11");
        b.Add(PlacedAdoption, "CHILD=1", "DOB=01/06/2012", "DATE_PLACED=01/03/2024");
        b.Clear(OC2);
    }

    private static void Uasc(ReturnBuilder b, string? duc)
    {
        var row = b.Add(UASC, "CHILD=1", "SEX=F", "DOB=01/06/2012");
        b.Set(UASC, row, "DUC", duc);
    }

    private static void Missing1(ReturnBuilder b) =>
        b.Add(Missing, "CHILD=1", "DOB=01/06/2012", "MISSING=M", "MIS_START=01/05/2024", "MIS_END=03/05/2024");
}
