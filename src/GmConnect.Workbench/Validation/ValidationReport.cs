using System.Globalization;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>
/// A return's validation as an analyst reads it: per table, the counts first (rows, rows with errors, failures by
/// rule with the DfE message), then the rows each rule flagged with the values of the rule's fields.
/// </summary>
public sealed class ValidationReport
{
    private ValidationReport(Ssda903Return source, IReadOnlyList<ValidationError> errors, IReadOnlyList<TableReport> tables, IReadOnlyList<RuleNotRun> notRun)
    {
        Authority = source.Authority;
        Year = source.Year;
        Errors = errors;
        Tables = tables;
        NotRun = notRun;
    }

    /// <summary>The authority the return is for.</summary>
    public string Authority { get; }

    /// <summary>Its collection year.</summary>
    public CollectionYear Year { get; }

    /// <summary>Every failure, in table and row order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The tables supplied, in the DfE order.</summary>
    public IReadOnlyList<TableReport> Tables { get; }

    /// <summary>The year's rules that were not run over the return (they need public files it was not checked with), and why.</summary>
    public IReadOnlyList<RuleNotRun> NotRun { get; }

    /// <summary>
    /// Validates <paramref name="current"/> (against <paramref name="previous"/> when given, with the lookups when
    /// given) and groups the failures.
    /// </summary>
    public static ValidationReport Build(Ssda903Return current, Ssda903Return? previous = null, ValidationLookups? lookups = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        return From(current, Ssda903Validator.Validate(current, previous, only: null, lookups), lookups);
    }

    /// <summary>Groups failures already found for <paramref name="source"/> (validated with <paramref name="lookups"/>).</summary>
    public static ValidationReport From(Ssda903Return source, IReadOnlyList<ValidationError> errors, ValidationLookups? lookups = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(errors);
        var catalogue = RuleCatalogue.For(source.Year);
        var tables = new List<TableReport>();
        foreach (var kind in source.Supplied.Order())
        {
            var table = source[kind];
            var mine = errors.Where(e => e.Table == kind).ToList();
            var rules = mine.GroupBy(e => e.Code, StringComparer.Ordinal)
                .Select(g => new RuleReport(g.Key, catalogue.TryGetValue(g.Key, out var info) ? info.Message : "",
                    g.Count(), g.Select(e => new ReportedRow(e.Row + 1, e.Child, e.Fields.Select(f => (f, table.Get(e.Row, f))).ToList())).ToList()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
            tables.Add(new TableReport(kind, table.Count, mine.Select(e => e.Row).Distinct().Count(), rules));
        }

        return new ValidationReport(source, errors, tables, Ssda903Validator.NotRun(source, lookups));
    }

    /// <summary>Writes <c>table,row,child,code,message,fields</c> (row 1-based among the table's data rows; fields <c>;</c>-separated).</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("table,row,child,code,message,fields");
        foreach (var table in Tables)
        {
            foreach (var rule in table.Rules)
            {
                foreach (var row in rule.Rows)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{table.Table},{row.Row},{Csv.Escape(row.Child)},{Csv.Escape(rule.Code)},{Csv.Escape(rule.Message)},{Csv.Escape(string.Join(';', row.Values.Select(v => v.Field)))}"));
                }
            }
        }
    }
}
