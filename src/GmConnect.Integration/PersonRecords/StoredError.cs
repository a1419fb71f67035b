using System.Text.Json;

namespace GmConnect.Integration.PersonRecords;

/// <summary>A row error as kept in <c>integration_rejected_row.errors</c> (a JSON array).</summary>
internal sealed record StoredError(string? Field, string Message)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);
}
