using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Tests.Validation;

/// <summary>
/// A small, clean 2024/25 return that no implemented rule flags, which each rule test then breaks in one place.
/// Child "1": girl born 01/06/2012, looked after since 01/01/2023 (so in the OC2 cohort), long-term fostering.
/// </summary>
internal sealed class ReturnBuilder
{
    private readonly Dictionary<ReturnTable, List<Dictionary<string, string?>>> _rows = [];

    public ReturnBuilder(int startYear = 2024)
    {
        Year = new CollectionYear(startYear);
        var sex = startYear >= 2024 ? "F" : "2";
        Add(ReturnTable.Header, "CHILD=1", $"SEX={sex}", "DOB=01/06/2012", "ETHNIC=WBRI", "UPN=A123456789012", "MOTHER=0", "UASC=0");
        Add(ReturnTable.Episodes, "CHILD=1", "DECOM=01/01/2023", "RNE=S", "LS=C2", "CIN=N1", "PLACE=U4", "PLACE_PROVIDER=PR1",
            "HOME_POST=M1 1AA", "PL_POST=M2 2BB", "URN=SC123456");
        Add(ReturnTable.OC2, "CHILD=1", "DOB=01/06/2012", "SDQ_SCORE=20", "CONVICTED=0", "IMMUNISATIONS=1", "TEETH_CHECK=1",
            "HEALTH_ASSESSMENT=1", "SUBSTANCE_MISUSE=0");
        Add(ReturnTable.Reviews, "CHILD=1", "DOB=01/06/2012", "REVIEW=01/06/2024", "REVIEW_CODE=PN1");
        Add(ReturnTable.PrevPerm, "CHILD=1", "DOB=01/06/2012", "PREV_PERM=Z1");
        Add(ReturnTable.SWEpisodes, "CHILD=1", "DOB=01/06/2012", "SW_ID=SW123", "SW_DECOM=01/01/2023", "SW_REASON=MANAGE");
    }

    public CollectionYear Year { get; }

    /// <summary>Adds a row from "COLUMN=value" pairs; returns its 0-based row index.</summary>
    public int Add(ReturnTable table, params string[] cells)
    {
        if (!_rows.TryGetValue(table, out var list))
        {
            _rows[table] = list = [];
        }

        list.Add(cells.Select(c => c.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1], StringComparer.Ordinal));
        return list.Count - 1;
    }

    /// <summary>Removes every row of a table.</summary>
    public ReturnBuilder Clear(ReturnTable table)
    {
        _rows.Remove(table);
        return this;
    }

    /// <summary>Sets one cell (null blanks it).</summary>
    public ReturnBuilder Set(ReturnTable table, int row, string column, string? value)
    {
        _rows[table][row][column] = value;
        return this;
    }

    public Ssda903Return Build(string authority = "TEST")
    {
        var result = new Ssda903Return(authority, Year);
        foreach (var (kind, rows) in _rows)
        {
            // Columns a return does not carry (the header's UASC flag of the XML layout, the derived placement fields
            // PL_LA and PL_LOCATION) are kept as extra columns when a case sets them.
            var schema = TableSchema.Columns(kind);
            var extra = rows.SelectMany(r => r.Keys).Distinct().Where(k => !schema.Contains(k, StringComparer.Ordinal));
            var table = new Ssda903Table(kind, kind == ReturnTable.Header ? ["UASC", "DUC", .. extra.Except(["UASC", "DUC"])] : extra);
            foreach (var row in rows)
            {
                table.Add(row);
            }

            result.Set(table);
        }

        foreach (var kind in Enum.GetValues<ReturnTable>())
        {
            result.Supplied.Add(kind);
        }

        return result;
    }
}
