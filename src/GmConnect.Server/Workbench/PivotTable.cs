using GmConnect.Workbench.Measures;

namespace GmConnect.Server.Workbench;

/// <summary>A view's figures laid out as a table: one row per row key, one column per column key, in first-seen order.</summary>
internal sealed class PivotTable
{
    private readonly Dictionary<(string Row, string Column), MeasureValue> _cells = [];

    private PivotTable(string rowTitle)
    {
        RowTitle = rowTitle;
    }

    public string RowTitle { get; }

    public List<string> Rows { get; } = [];

    public List<string> Columns { get; } = [];

    public MeasureValue? this[string row, string column] => _cells.GetValueOrDefault((row, column));

    /// <summary>The table with its cells formatted ("c" when withheld, "–" when there is no figure).</summary>
    public ChartTable ToChartTable() =>
        new(RowTitle, Columns, Rows.Select(r => (r, (IReadOnlyList<string>)Columns.Select(c => ExploreCharts.Format(this[r, c])).ToList())).ToList());

    /// <summary>The table of a view (see <see cref="ExploreCharts"/>).</summary>
    public static PivotTable For(string view, ExploreQuery query, IReadOnlyList<MeasureValue> rows)
    {
        var categories = query.Measure.HasCategories;
        (string Title, Func<MeasureValue, string> Row, Func<MeasureValue, string> Column) layout = view switch
        {
            "trend" => ("Collection year", v => v.Year.ToString(), v => categories ? v.Category : v.Area),
            "compare" => ("Area", v => v.Area, v => categories ? v.Category : query.Measure.Unit),
            _ => (categories ? "Authority and category" : "Authority", v => categories ? v.Area + ": " + v.Category : v.Area, v => v.Year.ToString()),
        };
        var table = new PivotTable(layout.Title);
        var ordered = view == "trend" ? rows.OrderBy(v => v.Year) : (IEnumerable<MeasureValue>)rows;
        foreach (var v in ordered)
        {
            var r = layout.Row(v);
            var c = layout.Column(v);
            if (!table.Rows.Contains(r))
            {
                table.Rows.Add(r);
            }

            if (!table.Columns.Contains(c))
            {
                table.Columns.Add(c);
            }

            table._cells[(r, c)] = v;
        }

        if (view != "trend")
        {
            table.Columns.Sort(StringComparer.Ordinal);
        }

        return table;
    }
}
