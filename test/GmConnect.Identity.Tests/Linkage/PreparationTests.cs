using GmConnect.Identity.Linkage.Comparisons;

namespace GmConnect.Identity.Tests.Linkage;

public sealed class PreparationTests
{
    [Theory]
    [InlineData("bill", "william", true)]
    [InlineData("billy", "will", true)]
    [InlineData("peggy", "margaret", true)]
    [InlineData("bill", "mary", false)]
    [InlineData("mohammed", "muhammad", true)] // gm-curated (issue 3): GM's commonest given name had no listed spellings
    [InlineData("katarzyna", "kasia", true)]
    [InlineData("oluwaseun", "seun", true)]
    [InlineData("niamh", "neve", true)]
    [InlineData("zzzz", "zzzy", false)]
    public void NameVariants_ShippedTable_KnowsCommonNicknames(string a, string b, bool expected)
    {
        var table = NameVariants.Default;
        Assert.True(table.Count > 3_000);
        Assert.Equal(expected, table.AreVariants(table.IdOf(a), table.IdOf(b)));
        Assert.Equal(expected, table.AreVariants(table.IdOf(b), table.IdOf(a)));
    }

    [Theory]
    [InlineData("katarzyna", "kasia", false)] // gm-curated only
    [InlineData("ciaran", "kieran", false)]
    [InlineData("bill", "william", true)] // nicknames: kept
    public void NameVariants_WithoutGmCurated_KeepsThePublicTablesOnly(string a, string b, bool expected)
    {
        var table = NameVariants.Without(["gm-curated"]);
        Assert.Equal(expected, table.AreVariants(table.IdOf(a), table.IdOf(b)));
        Assert.True(NameVariants.Default.AreVariants(NameVariants.Default.IdOf(a), NameVariants.Default.IdOf(b)));
    }

    [Fact]
    public void Parse_NameVariantOriginNotInTheTable_NamesThePath()
    {
        var json = LinkageTestRecords.SettingsJson().Replace("\"id_column\"", "\"name_variant_origins_excluded\": [\"gm-curated\", \"gm-invented\"], \"id_column\"", StringComparison.Ordinal);
        var ex = Assert.Throws<GmConnect.Identity.Linkage.Settings.SettingsException>(() => GmConnect.Identity.Linkage.Settings.LinkageSettings.Parse(json));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.name_variant_origins_excluded[1]", error.Path);
    }

    [Theory]
    [InlineData("M130PL", "M13 0", "M13", "M")]
    [InlineData("OL161AA", "OL16 1", "OL16", "OL")]
    [InlineData("SK8", null, "SK8", "SK")]
    [InlineData("2119", null, null, null)]
    public void PostcodeParts_UkPostcodes_GiveSectorDistrictArea(string postcode, string? sector, string? district, string? area) =>
        Assert.Equal((sector, district, area), PreparedRecords.PostcodeParts(postcode));

    [Theory]
    [InlineData("1980-02-29", "19800229", true)]
    [InlineData("19800229", "19800229", true)]
    [InlineData("29/02/1980", "19800229", true)]
    [InlineData("19801340", "19801340", false)]
    [InlineData("unknown", "unknown", false)]
    public void CanonicalDate_CommonFormats_BecomeYyyymmdd(string input, string canonical, bool validDate)
    {
        var value = PreparedRecords.CanonicalDate(input);
        Assert.Equal(canonical, value);
        Assert.Equal(validDate, PreparedRecords.DayNumber(value) != int.MinValue);
    }
}
