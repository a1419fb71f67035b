using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Tests.Linkage;

public sealed class SettingsReaderTests
{
    private const string Valid = """
        {
          "link_type": "link_and_dedupe",
          "id_column": "record_id",
          "source_column": "source",
          "comparisons": [
            { "name": "surname", "column": "family_name", "term_frequency": true,
              "levels": [ { "type": "exact" }, { "type": "jaro_winkler", "threshold": 0.9 } ] },
            { "name": "nhs", "column": "nhs_number", "identifier": "nhs_number",
              "levels": [ { "type": "identifier_agree", "m": 0.99 }, { "type": "identifier_disagree" } ] }
          ],
          "blocking_rules": [ ["surname"], ["first(surname,2)", "nhs"] ],
          "clustering": { "threshold": 0.9 }
        }
        """;

    [Fact]
    public void Parse_ValidSettings_ReadsEverything()
    {
        var settings = LinkageSettings.Parse(Valid);
        Assert.Equal(LinkType.LinkAndDedupe, settings.LinkType);
        Assert.Equal("source", settings.SourceColumn);
        Assert.Equal(2, settings.Comparisons.Count);
        Assert.Equal(LevelKind.JaroWinkler, settings.Comparisons[0].Levels[1].Kind);
        Assert.Equal(0.9, settings.Comparisons[0].Levels[1].Threshold);
        Assert.True(settings.Comparisons[0].TermFrequency);
        Assert.Equal(0.99, settings.Comparisons[1].Levels[0].FixedM);
        Assert.Equal(0.9, settings.Clustering.Threshold);
    }

    [Fact]
    public void Parse_MaxBlockSize_IsReadAndBelowTwoNamesItsPath()
    {
        var ok = LinkageSettings.Parse(Valid.Replace("\"clustering\"", "\"max_block_size\": 500, \"clustering\"", StringComparison.Ordinal));
        Assert.Equal(500, ok.MaxBlockSize);
        Assert.Null(LinkageSettings.Parse(Valid).MaxBlockSize);

        var error = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(Valid.Replace("\"clustering\"", "\"max_block_size\": 1, \"clustering\"", StringComparison.Ordinal)));
        Assert.Contains("$.max_block_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_NamesItsPath()
    {
        var json = Valid.Replace("\"threshold\": 0.9 }", "\"threshold\": 0.9, \"treshold\": 1 }", StringComparison.Ordinal);
        var ex = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(json));
        Assert.Contains(ex.Errors, e => e.Path == "$.comparisons[0].levels[1].treshold" && e.Message == "unknown key");
    }

    [Fact]
    public void Parse_ThresholdOutOfRange_NamesItsPath()
    {
        var json = Valid.Replace("\"jaro_winkler\", \"threshold\": 0.9 }", "\"jaro_winkler\", \"threshold\": 1.5 }", StringComparison.Ordinal);
        var ex = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(json));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.comparisons[0].levels[1].threshold", error.Path);
        Assert.Contains("between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var json = Valid
            .Replace("\"link_and_dedupe\"", "\"merge_all\"", StringComparison.Ordinal)
            .Replace("\"type\": \"exact\"", "\"type\": \"exactly\"", StringComparison.Ordinal)
            .Replace("[\"surname\"]", "[\"postcode\"]", StringComparison.Ordinal)
            .Replace("\"threshold\": 0.9 }\n}", "\"threshold\": \"high\" }\n}", StringComparison.Ordinal);
        var ex = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(json));
        var paths = ex.Errors.Select(e => e.Path).ToList();
        Assert.Contains("$.link_type", paths);
        Assert.Contains("$.comparisons[0].levels[0].type", paths);
        Assert.Contains("$.blocking_rules[0][0]", paths);
        Assert.Contains("$.clustering.threshold", paths);
        Assert.Contains("$.blocking_rules[0][0]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"levels\": [ { \"type\": \"identifier_agree\" } ]", "$.comparisons[0].levels[0].type")]
    [InlineData("\"levels\": [ { \"type\": \"levenshtein\" } ]", "$.comparisons[0].levels[0].max")]
    [InlineData("\"levels\": [ { \"type\": \"swapped\", \"with\": \"nobody\" } ]", "$.comparisons[0].levels[0].with")]
    [InlineData("\"levels\": [ { \"type\": \"damerau_levenshtein\", \"max\": 1.5 } ]", "$.comparisons[0].levels[0].max")]
    public void Parse_BadLevel_NamesItsPath(string levels, string path)
    {
        var json = Valid.Replace("\"levels\": [ { \"type\": \"exact\" }, { \"type\": \"jaro_winkler\", \"threshold\": 0.9 } ]", levels, StringComparison.Ordinal);
        var ex = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(json));
        Assert.Contains(ex.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("[\"first(surname)\"]")]
    [InlineData("[\"metaphone(surname)\"]")]
    [InlineData("[\"first(surname,0)\"]")]
    public void Parse_BadBlockingKey_NamesItsPath(string rule)
    {
        var json = Valid.Replace("[\"surname\"]", rule, StringComparison.Ordinal);
        var ex = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(json));
        Assert.Equal("$.blocking_rules[0][0]", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Parse_NotJson_ReportsRoot()
    {
        var ex = Assert.Throws<SettingsException>(() => LinkageSettings.Parse("{ nope"));
        Assert.Equal("$", Assert.Single(ex.Errors).Path);
    }

    [Theory]
    [InlineData("febrl.json")]
    [InlineData("febrl4.json")]
    [InlineData("uk-person.json")]
    public void Load_ShippedConfigs_AreValid(string name)
    {
        var settings = TestData.Config(name);
        Assert.NotEmpty(settings.Comparisons);
        Assert.NotEmpty(settings.BlockingRules);
    }
}
