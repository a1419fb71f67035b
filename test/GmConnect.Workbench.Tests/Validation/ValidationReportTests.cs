using GmConnect.Workbench.Model;
using GmConnect.Workbench.Tests.Measures;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Validation;

public sealed class ValidationReportTests
{
    [Fact]
    public void Build_BrokenRows_GroupsEveryFailureByTableAndRule()
    {
        var ret = SmallCase.Bolton();
        var header = ret[ReturnTable.Header];
        var broken = new Ssda903Table(ReturnTable.Header);
        for (var r = 0; r < header.Count; r++)
        {
            // An unknown sex code on every row: rule 101 on each.
            broken.AddRow(header.Child(r), "Q", header.Get(r, "DOB"), "WBRI", null, null, null);
        }

        ret.Set(broken);
        var errors = Ssda903Validator.Validate(ret);

        var report = ValidationReport.Build(ret);

        Assert.Equal(errors.Count, report.Tables.Sum(t => t.Errors));
        var headerReport = report.Tables.Single(t => t.Table == ReturnTable.Header);
        Assert.Equal(header.Count, headerReport.Rows);
        var sex = headerReport.Rules.Single(r => r.Code == "101");
        Assert.Equal(header.Count, sex.Count);
        Assert.False(string.IsNullOrEmpty(sex.Message));
        Assert.All(sex.Rows, row => Assert.Contains(("SEX", (string?)"Q"), row.Values));
        Assert.Equal(Enumerable.Range(1, header.Count), sex.Rows.Select(r => r.Row));
        Assert.True(headerReport.Rules.Zip(headerReport.Rules.Skip(1)).All(p => p.First.Count >= p.Second.Count), "rules are listed most failures first");
    }

    [Fact]
    public void Build_WithoutLookups_ListsTheRulesNotRunAndWithThemNone()
    {
        var ret = SmallCase.Bolton();

        var without = ValidationReport.Build(ret);
        var with = ValidationReport.Build(ret, lookups: TestLookups.Standard);

        Assert.Equal(Ssda903Validator.NotRun(ret).Select(n => n.Code), without.NotRun.Select(n => n.Code));
        Assert.Contains(without.NotRun, n => n.Code == "164" && n.Reason == NotRunReasons.NoPostcodes);
        Assert.Contains(without.NotRun, n => n.Code == "1008" && n.Reason == NotRunReasons.NoProviders);
        Assert.Empty(with.NotRun);
    }

    [Fact]
    public void WriteCsv_Report_OneRecordPerFailure()
    {
        var ret = SmallCase.Bolton();
        var report = ValidationReport.Build(ret);
        var writer = new StringWriter();

        report.WriteCsv(writer);

        var records = Csv.Read(new StringReader(writer.ToString())).ToList();
        Assert.Equal(["table", "row", "child", "code", "message", "fields"], records[0]);
        Assert.Equal(report.Errors.Count, records.Count - 1);
    }
}
