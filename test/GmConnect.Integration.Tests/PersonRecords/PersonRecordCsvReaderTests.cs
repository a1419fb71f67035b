using GmConnect.Integration.PersonRecords;

namespace GmConnect.Integration.Tests.PersonRecords;

public sealed class PersonRecordCsvReaderTests
{
    private const string Header = "source,record_id,nhs_number,given_name,family_name,sex,date_of_birth,postcode";

    private static List<PersonRecordRow> Read(string text)
    {
        using var reader = PersonRecordCsvReader.Create(new StringReader(text));
        return [.. reader.ReadRows()];
    }

    [Fact]
    public void ReadRows_ValidRows_KeepsValuesAsRecorded()
    {
        var rows = Read($"{Header}\ngp:P84001,123,943 476 5919, jane ,SMITH,F,1984-03-07,m13 9pl\n");

        var record = Assert.Single(rows).Record!;
        Assert.Equal("gp:P84001", record.Source);
        Assert.Equal("943 476 5919", record.NhsNumber);
        Assert.Equal(" jane ", record.GivenName);
        Assert.Equal(new DateOnly(1984, 3, 7), record.DateOfBirth);
        Assert.Null(record.Upn);
    }

    [Fact]
    public void ReadRows_QuotedFieldsWithCommasQuotesAndNewlines_ParsedPerRfc4180()
    {
        var rows = Read("source,record_id,address\r\nla:352:socialcare,1,\"Flat 2, \"\"The Mill\"\"\r\nAncoats\"\r\nla:352:socialcare,2,\r\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal("Flat 2, \"The Mill\"\r\nAncoats", rows[0].Record!.Address);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(4, rows[1].Line);
        Assert.Null(rows[1].Record!.Address);
    }

    [Fact]
    public void ReadRows_ByteOrderMarkAndColumnsInAnyOrder_Accepted()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "record_id,source\nA1,dwp\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using (var reader = PersonRecordCsvReader.Open(path))
        {
            var record = Assert.Single(reader.ReadRows()).Record!;
            Assert.Equal(("dwp", "A1"), (record.Source, record.RecordId));
        }

        File.Delete(path);
    }

    [Theory]
    [InlineData("source,record_id,colour", "unknown column 'colour'")]
    [InlineData("source,nhs_number", "required column 'record_id' is missing")]
    [InlineData("source,record_id,source", "column 'source' appears twice")]
    [InlineData("", "The file is empty")]
    public void Create_BadHeader_ThrowsNamingTheProblem(string header, string expected)
    {
        var error = Assert.Throws<CsvFormatException>(() => PersonRecordCsvReader.Create(new StringReader(header)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gp:1,7,,,,X,,", "sex", "sex must be M, F, U or blank")]
    [InlineData("gp:1,7,,,,F,1984-02-30,", "date_of_birth", "must be a real date")]
    [InlineData("gp:1,7,,,,F,07/03/1984,", "date_of_birth", "must be a real date")]
    [InlineData("gp 1,7,,,,F,,", "source", "source may contain only")]
    [InlineData(",7,,,,F,,", "source", "source is required")]
    [InlineData("gp:1,,,,,F,,", "record_id", "record_id is required")]
    [InlineData("gp:1,7,,,", null, "the row has 5 fields; the header has 8")]
    [InlineData("gp:1,7,,\"Ja\"ne,,F,,", null, "text follows a closing quote")]
    [InlineData("gp:1,7,,Ja\"ne,,F,,", null, "a quote appears inside an unquoted field")]
    public void ReadRows_BadRow_ReportsLineFieldAndKeepsRawText(string row, string? field, string message)
    {
        var rows = Read($"{Header}\n{row}\ngp:1,8,,,,M,,\n");

        Assert.Equal(2, rows.Count);
        var bad = rows[0];
        Assert.False(bad.IsValid);
        var error = Assert.Single(bad.Errors);
        Assert.Equal((2L, field), (error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(row, bad.Raw);
        Assert.True(rows[1].IsValid);
    }

    [Fact]
    public void ReadRows_UnterminatedQuote_ReportsAndStops()
    {
        var rows = Read($"{Header}\ngp:1,7,,\"Jane,,F,,\n");

        var error = Assert.Single(Assert.Single(rows).Errors);
        Assert.Contains("closing quote is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_DuplicateKey_SecondRowRejected()
    {
        var rows = Read($"{Header}\ngp:1,7,,,,,,\n\ngp:1,7,,,,,,\n");

        Assert.True(rows[0].IsValid);
        Assert.Equal(4, rows[1].Line);
        Assert.Equal("record_id", Assert.Single(rows[1].Errors).Field);
    }

    [Fact]
    public void ReadRows_ErrorMessages_NeverContainTheValue()
    {
        var rows = Read($"{Header}\ngp:1,7,,,,Q,1999-13-45,\n");

        Assert.All(rows[0].Errors, e =>
        {
            Assert.DoesNotContain("1999-13-45", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Q ", e.Message, StringComparison.Ordinal);
        });
        Assert.Equal(2, rows[0].Errors.Count);
    }
}
