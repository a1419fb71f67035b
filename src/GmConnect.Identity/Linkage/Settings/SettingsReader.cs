using System.Globalization;
using System.Text.Json;
using GmConnect.Identity.Identifiers;
using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Linkage.Settings;

/// <summary>
/// Reads <see cref="LinkageSettings"/> from JSON, collecting every error with its JSON path rather than
/// stopping at the first: unknown keys, missing keys, wrong types and out-of-range values.
/// </summary>
internal sealed class SettingsReader
{
    private static readonly TextTransform[] DefaultTransforms =
        [TextTransform.Trim, TextTransform.Lower, TextTransform.RemoveAccents, TextTransform.CollapseWhitespace];

    private readonly List<SettingsError> _errors = [];

    public static LinkageSettings Read(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SettingsException([new SettingsError("$", "not valid JSON: " + ex.Message)]);
        }

        using (doc)
        {
            var reader = new SettingsReader();
            var settings = reader.ReadRoot(doc.RootElement);
            if (reader._errors.Count > 0 || settings is null)
            {
                throw new SettingsException(reader._errors);
            }

            return settings;
        }
    }

    private LinkageSettings? ReadRoot(JsonElement root)
    {
        if (!ExpectObject(root, "$"))
        {
            return null;
        }

        CheckKeys(root, "$", "link_type", "id_column", "source_column", "comparisons", "blocking_rules", "max_block_size", "training", "clustering", "description", "name_variant_origins_excluded");
        var linkType = ReadEnum(root, "$", "link_type", LinkType.DedupeOnly, ("dedupe_only", LinkType.DedupeOnly), ("link_only", LinkType.LinkOnly), ("link_and_dedupe", LinkType.LinkAndDedupe));
        var idColumn = ReadString(root, "$", "id_column", required: true);
        var sourceColumn = ReadString(root, "$", "source_column", required: false);
        var comparisons = ReadComparisons(root);
        var rules = ReadBlockingRules(root, comparisons);
        int? maxBlockSize = root.TryGetProperty("max_block_size", out _)
            ? (int)ReadNumber(root, "$", "max_block_size", 0, 2, int.MaxValue)
            : null;
        var excluded = root.TryGetProperty("name_variant_origins_excluded", out var origins)
            ? ReadStringArray(origins, "$.name_variant_origins_excluded")
            : [];
        for (var i = 0; i < excluded.Count; i++)
        {
            if (!NameVariants.Origins.Contains(excluded[i]))
            {
                Error($"$.name_variant_origins_excluded[{i}]", $"'{excluded[i]}' is not an origin of the name-variant table ({string.Join(", ", NameVariants.Origins.Order(StringComparer.Ordinal))})");
            }
        }

        var training = ReadTraining(root, rules.Count);
        var clustering = ReadClustering(root);
        var known = comparisons.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < clustering.HouseholdComparisons.Count; i++)
        {
            if (!known.Contains(clustering.HouseholdComparisons[i]))
            {
                Error($"$.clustering.household_comparisons[{i}]", $"'{clustering.HouseholdComparisons[i]}' is not the name of a comparison");
            }
        }

        if (idColumn is null)
        {
            return null;
        }

        return new LinkageSettings
        {
            LinkType = linkType,
            IdColumn = idColumn,
            SourceColumn = sourceColumn,
            Comparisons = comparisons,
            BlockingRules = rules,
            MaxBlockSize = maxBlockSize,
            NameVariantOriginsExcluded = excluded,
            Training = training,
            Clustering = clustering,
        };
    }

    private List<ComparisonSettings> ReadComparisons(JsonElement root)
    {
        var list = new List<ComparisonSettings>();
        if (!root.TryGetProperty("comparisons", out var array))
        {
            Error("$.comparisons", "is required");
            return list;
        }

        if (!ExpectArray(array, "$.comparisons"))
        {
            return list;
        }

        if (array.GetArrayLength() is 0 or > 16)
        {
            Error("$.comparisons", "must hold between 1 and 16 comparisons");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"$.comparisons[{i++}]";
            var comparison = ReadComparison(element, path);
            if (comparison is null)
            {
                continue;
            }

            if (!names.Add(comparison.Name))
            {
                Error(path + ".name", $"'{comparison.Name}' is used by an earlier comparison");
            }

            list.Add(comparison);
        }

        // Swapped levels refer to another comparison by name: check once all names are known.
        for (var c = 0; c < list.Count; c++)
        {
            for (var l = 0; l < list[c].Levels.Count; l++)
            {
                var with = list[c].Levels[l].With;
                if (list[c].Levels[l].Kind is LevelKind.Swapped or LevelKind.SwappedOne && (with is null || !names.Contains(with)))
                {
                    Error($"$.comparisons[{c}].levels[{l}].with", $"'{with}' is not the name of a comparison");
                }

                foreach (var name in list[c].Levels[l].VetoUnlessExact ?? [])
                {
                    if (!names.Contains(name))
                    {
                        Error($"$.comparisons[{c}].levels[{l}].veto_unless_exact", $"'{name}' is not the name of a comparison");
                    }
                }
            }
        }

        return list;
    }

    private ComparisonSettings? ReadComparison(JsonElement element, string path)
    {
        if (!ExpectObject(element, path))
        {
            return null;
        }

        CheckKeys(element, path, "name", "column", "columns", "transforms", "identifier", "term_frequency", "term_frequency_weight", "veto_else", "null_values", "levels", "description");
        var name = ReadString(element, path, "name", required: true);
        var columns = new List<string>();
        var column = ReadString(element, path, "column", required: false);
        if (column is not null)
        {
            columns.Add(column);
        }

        if (element.TryGetProperty("columns", out var cols))
        {
            if (column is not null)
            {
                Error(path + ".columns", "give either 'column' or 'columns', not both");
            }

            columns.AddRange(ReadStringArray(cols, path + ".columns"));
        }

        if (columns.Count == 0 && column is null && !element.TryGetProperty("columns", out _))
        {
            Error(path + ".column", "is required (or 'columns')");
        }

        var transforms = DefaultTransforms as IReadOnlyList<TextTransform>;
        if (element.TryGetProperty("transforms", out var tr))
        {
            var parsed = new List<TextTransform>();
            var t = 0;
            if (ExpectArray(tr, path + ".transforms"))
            {
                foreach (var item in tr.EnumerateArray())
                {
                    var p = $"{path}.transforms[{t++}]";
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        Error(p, "must be a string");
                        continue;
                    }

                    var value = item.GetString()!;
                    if (TryTransform(value, out var transform))
                    {
                        parsed.Add(transform);
                    }
                    else
                    {
                        Error(p, $"unknown transform '{value}'");
                    }
                }
            }

            transforms = parsed;
        }

        IdentifierKind? identifier = null;
        if (element.TryGetProperty("identifier", out _))
        {
            identifier = ReadEnum(element, path, "identifier", IdentifierKind.NhsNumber,
                ("nhs_number", IdentifierKind.NhsNumber), ("upn", IdentifierKind.Upn), ("nino", IdentifierKind.Nino), ("pnc_id", IdentifierKind.PncId));
        }

        var tf = ReadBool(element, path, "term_frequency", false);
        var tfWeight = ReadNumber(element, path, "term_frequency_weight", 1.0, 0.0, 1.0);
        var vetoElse = ReadBool(element, path, "veto_else", false);
        var nullValues = element.TryGetProperty("null_values", out var nv)
            ? ReadStringArray(nv, path + ".null_values").ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var levels = new List<LevelSettings>();
        if (!element.TryGetProperty("levels", out var levelArray))
        {
            Error(path + ".levels", "is required");
        }
        else if (ExpectArray(levelArray, path + ".levels"))
        {
            if (levelArray.GetArrayLength() is 0 or > 14)
            {
                Error(path + ".levels", "must hold between 1 and 14 levels");
            }

            var l = 0;
            foreach (var levelElement in levelArray.EnumerateArray())
            {
                var level = ReadLevel(levelElement, $"{path}.levels[{l++}]", identifier);
                if (level is not null)
                {
                    levels.Add(level);
                }
            }
        }

        if (name is null)
        {
            return null;
        }

        return new ComparisonSettings
        {
            Name = name,
            Columns = columns,
            Transforms = transforms,
            Identifier = identifier,
            TermFrequency = tf,
            TermFrequencyWeight = tfWeight,
            VetoElse = vetoElse,
            NullValues = nullValues,
            Levels = levels,
        };
    }

    private LevelSettings? ReadLevel(JsonElement element, string path, IdentifierKind? identifier)
    {
        if (!ExpectObject(element, path))
        {
            return null;
        }

        var typeName = ReadString(element, path, "type", required: true);
        if (typeName is null)
        {
            return null;
        }

        if (!TryLevelKind(typeName, out var kind))
        {
            Error(path + ".type", $"unknown level type '{typeName}'");
            return null;
        }

        var allowed = new List<string> { "type", "label", "m", "u", "veto", "veto_unless_exact" };
        double threshold = 0, max = 0, window = 0;
        var min = 1;
        var bigrams = false;
        string? with = null;
        string label;
        switch (kind)
        {
            case LevelKind.Jaro or LevelKind.JaroWinkler or LevelKind.Jaccard:
                allowed.Add("threshold");
                threshold = ReadNumber(element, path, "threshold", double.NaN, 0.0, 1.0, required: true);
                if (kind == LevelKind.Jaccard)
                {
                    allowed.Add("tokens");
                    var tokens = ReadString(element, path, "tokens", required: false) ?? "words";
                    if (tokens is not ("words" or "bigrams"))
                    {
                        Error(path + ".tokens", "must be 'words' or 'bigrams'");
                    }

                    bigrams = tokens == "bigrams";
                }

                label = string.Create(CultureInfo.InvariantCulture, $"{typeName} >= {threshold}");
                break;
            case LevelKind.Levenshtein or LevelKind.DamerauLevenshtein or LevelKind.NumericWithin or LevelKind.NumericPercentWithin:
                allowed.Add("max");
                max = ReadNumber(element, path, "max", double.NaN, 0.0, kind == LevelKind.NumericPercentWithin ? 1.0 : 1e12, required: true);
                if (kind is LevelKind.Levenshtein or LevelKind.DamerauLevenshtein && max != Math.Floor(max))
                {
                    Error(path + ".max", "must be a whole number of edits");
                }

                label = string.Create(CultureInfo.InvariantCulture, $"{typeName} <= {max}");
                break;
            case LevelKind.TokenOverlap:
                allowed.Add("min");
                min = (int)ReadNumber(element, path, "min", 1, 1, 100);
                label = string.Create(CultureInfo.InvariantCulture, $"{min}+ tokens in common");
                break;
            case LevelKind.DateWithinYears or LevelKind.DateWithinDays:
                var unit = kind == LevelKind.DateWithinYears ? "years" : "days";
                allowed.Add(unit);
                window = ReadNumber(element, path, unit, double.NaN, 0.0, 1e6, required: true);
                label = string.Create(CultureInfo.InvariantCulture, $"within {window} {unit}");
                break;
            case LevelKind.SwappedOne:
                allowed.Add("with");
                with = ReadString(element, path, "with", required: true);
                label = $"one name in {with}";
                break;
            case LevelKind.Swapped:
                allowed.Add("with");
                allowed.Add("threshold");
                with = ReadString(element, path, "with", required: true);
                threshold = ReadNumber(element, path, "threshold", 1.0, 0.0, 1.0);
                label = threshold >= 1.0
                    ? $"swapped with {with}"
                    : string.Create(CultureInfo.InvariantCulture, $"swapped with {with}, each within jaro_winkler >= {threshold} or a variant");
                break;
            case LevelKind.IdentifierAgree or LevelKind.IdentifierDisagree:
                if (identifier is null)
                {
                    Error(path + ".type", $"'{typeName}' needs the comparison to name its 'identifier'");
                }

                label = kind == LevelKind.IdentifierAgree ? "valid and equal" : "valid and different";
                break;
            default:
                label = typeName.Replace('_', ' ');
                break;
        }

        CheckKeys(element, path, [.. allowed]);
        label = ReadString(element, path, "label", required: false) ?? label;
        double? m = element.TryGetProperty("m", out _) ? ReadNumber(element, path, "m", 0.5, 1e-12, 1.0) : null;
        double? u = element.TryGetProperty("u", out _) ? ReadNumber(element, path, "u", 0.5, 1e-12, 1.0) : null;
        return new LevelSettings
        {
            Kind = kind,
            Veto = ReadBool(element, path, "veto", false),
            VetoUnlessExact = element.TryGetProperty("veto_unless_exact", out var unless) && ExpectArray(unless, path + ".veto_unless_exact")
                ? ReadStringArray(unless, path + ".veto_unless_exact")
                : null,
            Label = label,
            Threshold = threshold,
            Max = max,
            Min = min,
            Window = window,
            Bigrams = bigrams,
            With = with,
            FixedM = m,
            FixedU = u,
        };
    }

    private List<IReadOnlyList<string>> ReadBlockingRules(JsonElement root, List<ComparisonSettings> comparisons)
    {
        var rules = new List<IReadOnlyList<string>>();
        if (!root.TryGetProperty("blocking_rules", out var array))
        {
            Error("$.blocking_rules", "is required");
            return rules;
        }

        if (!ExpectArray(array, "$.blocking_rules"))
        {
            return rules;
        }

        if (array.GetArrayLength() is 0 or > 16)
        {
            Error("$.blocking_rules", "must hold between 1 and 16 rules");
        }

        var names = comparisons.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var r = 0;
        foreach (var rule in array.EnumerateArray())
        {
            var path = $"$.blocking_rules[{r++}]";
            var keys = ExpectArray(rule, path) ? ReadStringArray(rule, path) : [];
            if (keys.Count == 0 && rule.ValueKind == JsonValueKind.Array)
            {
                Error(path, "must hold at least one key");
            }

            for (var k = 0; k < keys.Count; k++)
            {
                if (!BlockingKey.TryParse(keys[k], out var key, out var error))
                {
                    Error($"{path}[{k}]", error!);
                }
                else if (key!.Comparisons.FirstOrDefault(c => !names.Contains(c)) is { } unknown)
                {
                    Error($"{path}[{k}]", $"'{unknown}' is not the name of a comparison");
                }
            }

            if (keys.Count > 0 && keys.All(k => k.StartsWith("missing(", StringComparison.Ordinal)))
            {
                Error(path, "needs at least one key besides missing(...) conditions");
            }

            rules.Add(keys);
        }

        return rules;
    }

    private TrainingSettings ReadTraining(JsonElement root, int ruleCount)
    {
        var defaults = new TrainingSettings();
        if (!root.TryGetProperty("training", out var element))
        {
            return defaults;
        }

        const string path = "$.training";
        if (!ExpectObject(element, path))
        {
            return defaults;
        }

        CheckKeys(element, path, "seed", "u_max_pairs", "em_max_iterations", "em_tolerance", "em_blocking_rules", "probability_two_random_records_match");
        List<int>? sessions = null;
        if (element.TryGetProperty("em_blocking_rules", out var s) && ExpectArray(s, path + ".em_blocking_rules"))
        {
            sessions = [];
            var i = 0;
            foreach (var item in s.EnumerateArray())
            {
                var p = $"{path}.em_blocking_rules[{i++}]";
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var index) || index < 0 || index >= ruleCount)
                {
                    Error(p, $"must be the index of a blocking rule (0 to {ruleCount - 1})");
                    continue;
                }

                sessions.Add(index);
            }
        }

        double? prior = element.TryGetProperty("probability_two_random_records_match", out _)
            ? ReadNumber(element, path, "probability_two_random_records_match", 1e-4, 1e-15, 0.5)
            : null;
        return new TrainingSettings
        {
            Seed = (int)ReadNumber(element, path, "seed", defaults.Seed, int.MinValue, int.MaxValue),
            UMaxPairs = (int)ReadNumber(element, path, "u_max_pairs", defaults.UMaxPairs, 1000, 1e9),
            EmMaxIterations = (int)ReadNumber(element, path, "em_max_iterations", defaults.EmMaxIterations, 1, 10_000),
            EmTolerance = ReadNumber(element, path, "em_tolerance", defaults.EmTolerance, 1e-12, 0.1),
            EmBlockingRules = sessions,
            ProbabilityTwoRandomRecordsMatch = prior,
        };
    }

    private ClusteringSettings ReadClustering(JsonElement root)
    {
        var defaults = new ClusteringSettings();
        if (!root.TryGetProperty("clustering", out var element))
        {
            return defaults;
        }

        const string path = "$.clustering";
        if (!ExpectObject(element, path))
        {
            return defaults;
        }

        CheckKeys(element, path, "threshold", "reject_below", "max_cross_pairs", "one_record_per_source", "ambiguity_margin", "source_ages", "household_comparisons");
        return new ClusteringSettings
        {
            Threshold = ReadNumber(element, path, "threshold", defaults.Threshold, 0.0, 1.0),
            RejectBelow = ReadNumber(element, path, "reject_below", defaults.RejectBelow, 0.0, 1.0),
            MaxCrossPairs = (int)ReadNumber(element, path, "max_cross_pairs", defaults.MaxCrossPairs, 1, 1e7),
            OneRecordPerSource = ReadBool(element, path, "one_record_per_source", defaults.OneRecordPerSource),
            AmbiguityMargin = element.TryGetProperty("ambiguity_margin", out _) ? ReadNumber(element, path, "ambiguity_margin", 0.0, 0.0, 1000.0) : null,
            SourceAges = element.TryGetProperty("source_ages", out var ages) ? ReadSourceAges(ages, path + ".source_ages") : null,
            HouseholdComparisons = element.TryGetProperty("household_comparisons", out var household)
                ? ReadStringArray(household, path + ".household_comparisons")
                : [],
        };
    }

    private SourceAgeSettings? ReadSourceAges(JsonElement element, string path)
    {
        if (!ExpectObject(element, path))
        {
            return null;
        }

        CheckKeys(element, path, "date_of_birth", "recorded_column", "sources");
        var dob = ReadString(element, path, "date_of_birth", required: true);
        var recorded = ReadString(element, path, "recorded_column", required: true);
        var sources = new List<SourceAgeRange>();
        if (!element.TryGetProperty("sources", out var array))
        {
            Error(path + ".sources", "is required");
        }
        else if (ExpectArray(array, path + ".sources"))
        {
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = $"{path}.sources[{i++}]";
                if (!ExpectObject(item, itemPath))
                {
                    continue;
                }

                CheckKeys(item, itemPath, "prefix", "min_age", "max_age");
                var prefix = ReadString(item, itemPath, "prefix", required: true);
                int? min = item.TryGetProperty("min_age", out _) ? (int)ReadNumber(item, itemPath, "min_age", 0, 0, 150) : null;
                int? max = item.TryGetProperty("max_age", out _) ? (int)ReadNumber(item, itemPath, "max_age", 0, 0, 150) : null;
                if (min is null && max is null)
                {
                    Error(itemPath, "needs min_age or max_age");
                }
                else if (min > max)
                {
                    Error(itemPath, "min_age is above max_age: no age fits");
                }

                if (prefix is not null)
                {
                    sources.Add(new SourceAgeRange { Prefix = prefix, MinAge = min, MaxAge = max });
                }
            }
        }

        return dob is null || recorded is null ? null : new SourceAgeSettings { DateOfBirth = dob, RecordedColumn = recorded, Sources = sources };
    }

    private static bool TryTransform(string name, out TextTransform transform)
    {
        transform = name switch
        {
            "trim" => TextTransform.Trim,
            "lower" => TextTransform.Lower,
            "upper" => TextTransform.Upper,
            "remove_accents" => TextTransform.RemoveAccents,
            "strip_punctuation" => TextTransform.StripPunctuation,
            "remove_punctuation" => TextTransform.RemovePunctuation,
            "collapse_whitespace" => TextTransform.CollapseWhitespace,
            "remove_spaces" => TextTransform.RemoveSpaces,
            "digits_only" => TextTransform.DigitsOnly,
            "first_token" => TextTransform.FirstToken,
            "last_token" => TextTransform.LastToken,
            "sort_tokens" => TextTransform.SortTokens,
            _ => (TextTransform)(-1),
        };
        return (int)transform >= 0;
    }

    private static bool TryLevelKind(string name, out LevelKind kind)
    {
        foreach (var value in Enum.GetValues<LevelKind>())
        {
            if (string.Equals(SnakeCase(value.ToString()), name, StringComparison.Ordinal))
            {
                kind = value;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>JaroWinkler → jaro_winkler.</summary>
    internal static string SnakeCase(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(pascal[i]));
        }

        return sb.ToString();
    }

    private void CheckKeys(JsonElement element, string path, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                Error($"{path}.{property.Name}", "unknown key");
            }
        }
    }

    private bool ExpectObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, "must be an object");
        return false;
    }

    private bool ExpectArray(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        Error(path, "must be an array");
        return false;
    }

    private List<string> ReadStringArray(JsonElement array, string path)
    {
        var list = new List<string>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            Error(path, "must be an array of strings");
            return list;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString()!.Length > 0)
            {
                list.Add(item.GetString()!);
            }
            else
            {
                Error($"{path}[{i}]", "must be a non-empty string");
            }

            i++;
        }

        return list;
    }

    private string? ReadString(JsonElement element, string path, string key, bool required)
    {
        if (!element.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error($"{path}.{key}", "is required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            Error($"{path}.{key}", "must be a non-empty string");
            return null;
        }

        return value.GetString();
    }

    private bool ReadBool(JsonElement element, string path, string key, bool fallback)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return fallback;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error($"{path}.{key}", "must be true or false");
        return fallback;
    }

    private double ReadNumber(JsonElement element, string path, string key, double fallback, double min, double max, bool required = false)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            if (required)
            {
                Error($"{path}.{key}", "is required");
            }

            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            Error($"{path}.{key}", "must be a number");
            return fallback;
        }

        if (number < min || number > max)
        {
            Error($"{path}.{key}", string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, not {number}"));
            return fallback;
        }

        return number;
    }

    private T ReadEnum<T>(JsonElement element, string path, string key, T fallback, params (string Name, T Value)[] choices)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return fallback;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            foreach (var (name, v) in choices)
            {
                if (string.Equals(name, text, StringComparison.Ordinal))
                {
                    return v;
                }
            }
        }

        Error($"{path}.{key}", $"must be one of {string.Join(", ", choices.Select(c => c.Name))}");
        return fallback;
    }

    private void Error(string path, string message) => _errors.Add(new SettingsError(path, message));
}
