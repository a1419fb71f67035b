using System.Net;
using System.Text;
using System.Text.Json;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Fhir;

/// <summary>Test helpers for the FHIR API: parse a response as the resource it must be.</summary>
internal static class FhirHttp
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
        where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal(FhirJson.MediaType, response.Content.Headers.ContentType?.MediaType);
        var resource = JsonSerializer.Deserialize<Resource>(body, FhirJson.Options);
        return Assert.IsType<T>(resource);
    }

    public static StringContent Json(Resource resource) =>
        new(FhirJson.Serialize(resource), Encoding.UTF8, FhirJson.MediaType);
}
