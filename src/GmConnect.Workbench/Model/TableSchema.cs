using System.Collections.Frozen;

namespace GmConnect.Workbench.Model;

/// <summary>The DfE CSV column layout of each table (as the validator's configuration lists them).</summary>
public static class TableSchema
{
    private static readonly FrozenDictionary<ReturnTable, string[]> ColumnsByTable = new Dictionary<ReturnTable, string[]>
    {
        [ReturnTable.Header] = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
        [ReturnTable.Episodes] = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
        [ReturnTable.UASC] = ["CHILD", "SEX", "DOB", "DUC"],
        [ReturnTable.Reviews] = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
        [ReturnTable.OC2] = ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
        [ReturnTable.OC3] = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
        [ReturnTable.AD1] = ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
        [ReturnTable.PlacedAdoption] = ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
        [ReturnTable.PrevPerm] = ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
        [ReturnTable.Missing] = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
        [ReturnTable.SWEpisodes] = ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
        [ReturnTable.DoLo] = ["CHILD", "DOB", "DOLO_START", "DOLO_END"],
    }.ToFrozenDictionary();

    /// <summary>The columns of <paramref name="table"/> in DfE order.</summary>
    public static IReadOnlyList<string> Columns(ReturnTable table) => ColumnsByTable[table];

    /// <summary>
    /// Identifies a table from a CSV header row by its set of columns (as the DfE tools do, not by file name).
    /// Extra pipeline columns such as <c>LA</c> and <c>YEAR</c> are tolerated; every DfE column must be present.
    /// </summary>
    public static ReturnTable? Identify(IEnumerable<string> headers)
    {
        var set = headers.Select(h => h.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        ReturnTable? best = null;
        var bestCount = 0;
        foreach (var (table, columns) in ColumnsByTable)
        {
            // Header and UASC share columns with other tables; the most specific complete match wins.
            if (columns.All(set.Contains) && columns.Length > bestCount)
            {
                best = table;
                bestCount = columns.Length;
            }
        }

        return best;
    }
}
