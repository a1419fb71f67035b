using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GmConnect.Identity.Storage;

namespace GmConnect.Identity.Manager;

/// <summary>
/// What a merge moved, kept with its history entry so that an unmerge can put every record back exactly as it
/// was: its key, and the link it had (person, method, score, model, who, when, order).
/// </summary>
internal static class MergeDetail
{
    public sealed record Moved(SourceRecordKey Key, StoredLink Before);

    public static string ToJson(IEnumerable<Moved> moved)
    {
        var items = new JsonArray();
        foreach (var m in moved)
        {
            var link = m.Before.Link;
            items.Add(new JsonObject
            {
                ["source"] = m.Key.Source,
                ["record_id"] = m.Key.RecordId,
                ["person_id"] = m.Before.PersonId,
                ["method"] = SqlConvert.MethodName(link.Method),
                ["score"] = link.Score,
                ["model"] = link.ModelVersion,
                ["by"] = link.By,
                ["at_us"] = SqlConvert.Micros(link.At),
                ["order"] = m.Before.Order,
            });
        }

        return new JsonObject { ["moved"] = items }.ToJsonString();
    }

    public static IReadOnlyList<Moved> FromJson(string? json)
    {
        if (json is null)
        {
            return [];
        }

        var result = new List<Moved>();
        foreach (var item in JsonNode.Parse(json)!["moved"]!.AsArray())
        {
            var link = new LinkProvenance(
                SqlConvert.ParseMethod(item!["method"]!.GetValue<string>()),
                item["score"]?.GetValue<double>(),
                item["model"]?.GetValue<string>(),
                item["by"]?.GetValue<string>(),
                SqlConvert.Instant(item["at_us"]!.GetValue<long>()));
            result.Add(new Moved(
                new SourceRecordKey(item["source"]!.GetValue<string>(), item["record_id"]!.GetValue<string>()),
                new StoredLink(item["person_id"]!.GetValue<string>(), link, item["order"]!.GetValue<long>())));
        }

        return result;
    }

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
