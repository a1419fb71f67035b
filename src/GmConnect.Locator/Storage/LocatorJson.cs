using System.Text.Json;
using System.Text.Json.Serialization;

namespace GmConnect.Locator.Storage;

/// <summary>The JSON shape of stored documents (internal: the API speaks FHIR).</summary>
internal static class LocatorJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
