using System.Text.Json;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Sensitivity;

namespace GmConnect.Locator.RecordTypes;

/// <summary>
/// The record types registry: which kinds of record exist, their category, the category Governance decides on,
/// their default sensitivity, retention class and who may publish them. Loaded once and immutable.
/// </summary>
public sealed class RecordTypeRegistry
{
    private static readonly string[] RootKeys = ["categories", "recordTypes"];
    private static readonly string[] CategoryKeys = ["code", "display"];
    private static readonly string[] TypeKeys = ["code", "display", "category", "sharingCategory", "sensitivity", "retentionClass", "publishers"];

    private static readonly Dictionary<string, OrganisationKind> Kinds = Enum.GetValues<OrganisationKind>()
        .ToDictionary(k => JsonNamingPolicy.KebabCaseLower.ConvertName(k.ToString()), StringComparer.Ordinal);

    private readonly Dictionary<string, RecordType> _types;
    private readonly Dictionary<string, RecordCategory> _categories;

    private RecordTypeRegistry(IReadOnlyList<RecordCategory> categories, IReadOnlyList<RecordType> types)
    {
        Categories = categories;
        Types = types;
        _categories = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _types = types.ToDictionary(t => t.Code, StringComparer.Ordinal);
    }

    /// <summary>The categories, in file order.</summary>
    public IReadOnlyList<RecordCategory> Categories { get; }

    /// <summary>The record types, in file order.</summary>
    public IReadOnlyList<RecordType> Types { get; }

    /// <summary>The record type with this code, or null.</summary>
    public RecordType? Find(string? code) => code is not null && _types.TryGetValue(code, out var type) ? type : null;

    /// <summary>The category with this code, or null.</summary>
    public RecordCategory? FindCategory(string? code) => code is not null && _categories.TryGetValue(code, out var category) ? category : null;

    /// <summary>Loads and validates a registry file; throws <see cref="RecordTypesException"/> listing every problem.</summary>
    public static RecordTypeRegistry Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new RecordTypesException(path, ["$: file not found"]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates registry JSON; throws <see cref="RecordTypesException"/> listing every problem.</summary>
    public static RecordTypeRegistry Parse(string json, string source = "record-types.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RecordTypesException(source, [$"$: not valid JSON (line {e.LineNumber + 1}): {e.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RecordTypesException(source, ["$: expected an object with 'categories' and 'recordTypes'"]);
            }

            UnknownKeys(root, "$", RootKeys, problems);
            var categories = ReadCategories(root, problems);
            var types = ReadTypes(root, categories, problems);
            if (problems.Count > 0)
            {
                throw new RecordTypesException(source, problems);
            }

            return new RecordTypeRegistry(categories, types);
        }
    }

    private static List<RecordCategory> ReadCategories(JsonElement root, List<string> problems)
    {
        var result = new List<RecordCategory>();
        if (!Array(root, "categories", "$", problems, out var array))
        {
            return result;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"$.categories[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path}: expected an object");
                continue;
            }

            UnknownKeys(item, path, CategoryKeys, problems);
            var code = Code(item, "code", path, problems);
            var display = Text(item, "display", path, problems);
            if (code is null || display is null)
            {
                continue;
            }

            if (result.Any(c => c.Code == code))
            {
                problems.Add($"{path}.code: duplicate category '{code}'");
                continue;
            }

            result.Add(new RecordCategory(code, display));
        }

        return result;
    }

    private static List<RecordType> ReadTypes(JsonElement root, List<RecordCategory> categories, List<string> problems)
    {
        var result = new List<RecordType>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!Array(root, "recordTypes", "$", problems, out var array))
        {
            return result;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"$.recordTypes[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path}: expected an object");
                continue;
            }

            var before = problems.Count;
            UnknownKeys(item, path, TypeKeys, problems);
            var code = Code(item, "code", path, problems);
            var display = Text(item, "display", path, problems);
            var category = Code(item, "category", path, problems);
            var sharing = Code(item, "sharingCategory", path, problems);
            var retention = Code(item, "retentionClass", path, problems);
            if (category is not null && !categories.Any(c => c.Code == category))
            {
                problems.Add($"{path}.category: unknown category '{category}' (not in $.categories)");
            }

            if (retention is not null && !RetentionClasses.Known.Contains(retention, StringComparer.Ordinal))
            {
                problems.Add($"{path}.retentionClass: unknown retention class '{retention}' (expected one of {string.Join(", ", RetentionClasses.Known)})");
            }

            var sensitivity = SensitivityLabels.None;
            if (Array(item, "sensitivity", path, problems, out var labels))
            {
                var j = 0;
                foreach (var label in labels.EnumerateArray())
                {
                    var labelPath = $"{path}.sensitivity[{j++}]";
                    sensitivity |= label.GetString() switch
                    {
                        "restricted" when label.ValueKind == JsonValueKind.String => SensitivityLabels.Restricted,
                        "sealed" when label.ValueKind == JsonValueKind.String => SensitivityLabels.Sealed,
                        _ when label.ValueKind != JsonValueKind.String => Problem(problems, $"{labelPath}: expected a string"),
                        var other => Problem(problems, $"{labelPath}: unknown label '{other}' (expected restricted or sealed; a protected address belongs to a person, not a record type)"),
                    };
                }
            }

            var publishers = new HashSet<OrganisationKind>();
            if (Array(item, "publishers", path, problems, out var kinds))
            {
                var j = 0;
                foreach (var kind in kinds.EnumerateArray())
                {
                    var kindPath = $"{path}.publishers[{j++}]";
                    if (kind.ValueKind != JsonValueKind.String || !Kinds.TryGetValue(kind.GetString()!, out var parsed))
                    {
                        problems.Add($"{kindPath}: unknown organisation kind '{kind}' (expected one of {string.Join(", ", Kinds.Keys)})");
                        continue;
                    }

                    publishers.Add(parsed);
                }

                if (j == 0)
                {
                    problems.Add($"{path}.publishers: at least one organisation kind must be able to publish the type");
                }
            }

            if (code is not null && !seen.Add(code))
            {
                problems.Add($"{path}.code: duplicate record type '{code}'");
            }

            if (problems.Count == before)
            {
                result.Add(new RecordType(code!, display!, category!, sharing!, sensitivity, retention!, publishers));
            }
        }

        return result;
    }

    private static SensitivityLabels Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return SensitivityLabels.None;
    }

    private static void UnknownKeys(JsonElement element, string path, string[] known, List<string> problems)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"{path}.{property.Name}: unknown key (expected {string.Join(", ", known)})");
            }
        }
    }

    private static bool Array(JsonElement element, string name, string path, List<string> problems, out JsonElement array)
    {
        if (!element.TryGetProperty(name, out array))
        {
            problems.Add($"{path}.{name}: required");
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path}.{name}: expected an array");
            return false;
        }

        return true;
    }

    private static string? Text(JsonElement element, string name, string path, List<string> problems)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            problems.Add($"{path}.{name}: required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{path}.{name}: expected a non-empty string");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A code: lower-case letters, digits and hyphens.</summary>
    private static string? Code(JsonElement element, string name, string path, List<string> problems)
    {
        var text = Text(element, name, path, problems);
        if (text is not null && !text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            problems.Add($"{path}.{name}: '{text}' is not a code (lower-case letters, digits and hyphens)");
            return null;
        }

        return text;
    }
}
