using System.Globalization;
using GmConnect.Repository.Content;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Binaries;

/// <summary>Repository content as FHIR <c>Binary</c> resources.</summary>
internal static class BinaryResources
{
    /// <summary>A version without its data (the answer to a publish).</summary>
    public static Binary Metadata(ContentVersion version) => new()
    {
        Id = version.ContentId,
        Meta = new Meta
        {
            VersionId = version.Version.ToString(CultureInfo.InvariantCulture),
            LastUpdated = version.CreatedAt,
        },
        ContentType = version.ContentType,
    };

    /// <summary>A version with its data.</summary>
    public static Binary WithData(StoredContent content)
    {
        var binary = Metadata(content.Version);
        binary.Data = content.Bytes.ToArray();
        return binary;
    }
}
