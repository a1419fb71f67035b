namespace GmConnect.Identity.Linkage.Comparisons;

/// <summary>
/// One comparison's values for every record, normalised once, with the derived forms its levels need
/// (phonetic codes, tokens, dates, postcode parts, identifier validity). Arrays a comparison does not
/// need stay null.
/// </summary>
internal sealed class PreparedColumn(string?[] values)
{
    public string?[] Values { get; } = values;

    /// <summary>Code of each record's normalised value (equal values, equal codes), or -1 when missing; null where the column was built from values alone.</summary>
    public int[]? Codes { get; init; }

    public string[]? Soundex { get; set; }

    public string[]? Nysiis { get; set; }

    public string[][]? Words { get; set; }

    public int[][]? Bigrams { get; set; }

    /// <summary>Day number of a valid date, or <see cref="int.MinValue"/>.</summary>
    public int[]? Days { get; set; }

    public string?[]? PostcodeSector { get; set; }

    public string?[]? PostcodeDistrict { get; set; }

    public string?[]? PostcodeArea { get; set; }

    public double[]? Numbers { get; set; }

    public bool[]? ValidIdentifier { get; set; }

    /// <summary>Index of the name in the variant table, or -1.</summary>
    public int[]? NameIds { get; set; }

    /// <summary>The listed names within one slip of the name (sorted table indices), for <c>name_variant_slip</c>.</summary>
    public int[][]? NearNames { get; set; }

    /// <summary>Share of records with this value (term frequency), per record; set for term-frequency comparisons.</summary>
    public float[]? Frequency { get; set; }

    /// <summary>Term-frequency weight adjustment (log2) applied at the exact level, per record.</summary>
    public float[]? TermFrequencyAdjustment { get; set; }
}
