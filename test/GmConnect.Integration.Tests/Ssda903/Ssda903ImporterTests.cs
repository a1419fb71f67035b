using System.Text;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Model;

namespace GmConnect.Integration.Tests.Ssda903;

public sealed class Ssda903ImporterTests
{
    private static string SampleDir => Path.Combine(AppContext.BaseDirectory, "Ssda903Data");

    private const string HeaderCsv = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";

    [Fact]
    public void ReadReturn_SampleCsvFiles_IdentifiesEveryTableByItsColumns()
    {
        using var dir = new TempDir();
        foreach (var file in Directory.GetFiles(SampleDir, "*.csv").Where(f => !f.EndsWith("_errors.csv", StringComparison.Ordinal)))
        {
            dir.Write(Path.GetFileName(file), File.ReadAllBytes(file));
        }

        var result = Ssda903Importer.ReadReturn(dir.Path, "SAMPLE", new CollectionYear(2017));

        var r = Assert.Single(result.Returns);
        Assert.Empty(result.Messages);
        Assert.Equal(2675, r[ReturnTable.Header].Count);
        Assert.Equal(5050, r[ReturnTable.Episodes].Count);
        Assert.Equal(1, r[ReturnTable.SWEpisodes].Count);
        Assert.Equal("CHILD10", r[ReturnTable.SWEpisodes].Child(0));
        Assert.Equal(1, r[ReturnTable.DoLo].Count);
        Assert.Equal(new DateOnly(2025, 1, 2), r[ReturnTable.DoLo].Date(0, "DOLO_END"));
    }

    [Fact]
    public void ReadReturn_XmlAndCsvForOneTable_AppendsAndSaysSo()
    {
        var result = Ssda903Importer.ReadReturn(SampleDir, "SAMPLE", new CollectionYear(2017));

        Assert.Equal(2675 + 253, result.Returns[0][ReturnTable.Header].Count);
        Assert.Contains(result.Messages, m => m.Message.Contains("second Header table", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_SampleXml_GivesEpisodesWithPlaceAndHeaderWithUascFlag()
    {
        var messages = new List<ImportMessage>();
        var tables = Ssda903Importer.ReadFile(new FileInfo(Path.Combine(SampleDir, "fake_903.xml")), messages).ToDictionary(t => t.Kind);

        Assert.Empty(messages);
        Assert.Equal(253, tables[ReturnTable.Header].Count);
        Assert.Equal(459, tables[ReturnTable.Episodes].Count);
        Assert.Equal(1206, tables[ReturnTable.Reviews].Count);
        Assert.Equal(6, tables[ReturnTable.Missing].Count);
        Assert.Equal(3, tables[ReturnTable.PlacedAdoption].Count);
        Assert.Equal("R5", tables[ReturnTable.Episodes].Get(0, "PLACE"));
        Assert.True(tables[ReturnTable.Header].HasColumn("UASC"));
        Assert.Equal(12, tables[ReturnTable.UASC].Count);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    [InlineData("latin1")]
    public void ReadReturn_EncodingsAndBoms_ReadTheSameHeader(string encoding)
    {
        var text = HeaderCsv + "123,1,01/02/2010,WBRI,A123456789012,,\n";
        byte[] bytes = encoding switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.Latin1.GetBytes(text.Replace("WBRI", "WBRI\u00e9", StringComparison.Ordinal)),
        };
        using var dir = new TempDir();
        dir.Write("header.csv", bytes);

        var r = Assert.Single(Ssda903Importer.ReadReturn(dir.Path, "LA", new CollectionYear(2024)).Returns);

        Assert.Equal("123", r[ReturnTable.Header].Child(0));
        Assert.Equal(new DateOnly(2010, 2, 1), r[ReturnTable.Header].Date(0, "DOB"));
    }

    [Fact]
    public void ReadCsv_ExcelFloatIds_AreTurnedBackIntoIntegers()
    {
        var tables = Ssda903Importer.ReadCsv(HeaderCsv + "123.0,2.0,2010-02-01,WBRI,,,\n", "h.csv", new List<ImportMessage>());

        var t = Assert.Single(tables);
        Assert.Equal("123", t.Child(0));
        Assert.Equal("2", t.Get(0, "SEX"));
        Assert.Equal(new DateOnly(2010, 2, 1), t.Date(0, "DOB"));
    }

    [Fact]
    public void ReadReturn_BlankAndUnknownFiles_AreReportedAndSkipped()
    {
        using var dir = new TempDir();
        dir.Write("empty.csv", string.Empty);
        dir.Write("notes.csv", "NAME,WHATEVER\nx,y\n");
        dir.Write("header.csv", HeaderCsv + "1,1,01/01/2010,WBRI,,,\n");

        var result = Ssda903Importer.ReadReturn(dir.Path, "LA", new CollectionYear(2024));

        Assert.Contains(result.Messages, m => m.File == "empty.csv" && m.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.File == "notes.csv" && m.Message.Contains("Not a 903 table", StringComparison.Ordinal));
        Assert.Equal(1, result.Returns[0][ReturnTable.Header].Count);
    }

    [Theory]
    [InlineData("SSDA903_2024-25_episodes.csv", 2024)]
    [InlineData("903_header_2425.csv", 2024)]
    [InlineData("header_202425.csv", 2024)]
    [InlineData("SSDA903_2020_episodes.csv", 2019)]
    [InlineData("returns 1920", 2019)]
    public void YearFromName_CommonFileNames_FindTheCollectionYear(string name, int startYear)
    {
        Assert.Equal(new CollectionYear(startYear), Ssda903Importer.YearFromName(name));
    }

    [Fact]
    public void ReadReturn_NoYearAnywhere_SaysSoClearly()
    {
        using var dir = new TempDir();
        dir.Write("header.csv", HeaderCsv);

        var result = Ssda903Importer.ReadReturn(dir.Path);

        Assert.Empty(result.Returns);
        Assert.Contains(result.Messages, m => m.Message.Contains("--year", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadTree_FoldersPerAuthorityAndYear_KeepSameChildIdApart()
    {
        using var dir = new TempDir();
        dir.Write("Bolton/2024-25/header.csv", HeaderCsv + "1,M,01/01/2010,WBRI,,,\n");
        dir.Write("Bury/2024-25/header.csv", HeaderCsv + "1,F,01/01/2012,WBRI,,,\n");
        dir.Write("Bury/2023-24/header.csv", HeaderCsv + "1,2,01/01/2012,WBRI,,,\n");

        var result = Ssda903Importer.ReadTree(dir.Path);

        Assert.Equal(["Bolton 2024/25", "Bury 2023/24", "Bury 2024/25"], result.Returns.Select(r => $"{r.Authority} {r.Year}"));
    }

    [Fact]
    public void ReadTree_PooledFileWithLaAndYear_IsSplitPerAuthorityAndYear()
    {
        using var dir = new TempDir();
        dir.Write("pooled/episodes.csv",
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LA,YEAR\n" +
            "1,2019-05-01,S,C2,N1,U4,PR1,,,,,,,Bromley,2020\n" +
            "1,2020-05-01,S,C2,N1,U4,PR1,,,,,,,Southwark,2021\n");

        var result = Ssda903Importer.ReadTree(dir.Path);

        Assert.Equal(["Bromley 2019/20", "Southwark 2020/21"], result.Returns.Select(r => $"{r.Authority} {r.Year}"));
        Assert.Equal(new DateOnly(2019, 5, 1), result.Returns[0][ReturnTable.Episodes].Date(0, "DECOM"));
    }

    [Fact]
    public void ReadFile_MalformedXml_ReportsLine()
    {
        using var dir = new TempDir();
        var file = dir.Write("return.xml", "<EXPSSDA903><CHILD>\n<HEADER></CHILD>");
        var messages = new List<ImportMessage>();

        Assert.Empty(Ssda903Importer.ReadFile(new FileInfo(file), messages));
        Assert.Contains(messages, m => m.Line is not null && m.Message.Contains("XML", StringComparison.Ordinal));
    }
}
