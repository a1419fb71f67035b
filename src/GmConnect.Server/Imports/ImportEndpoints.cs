using GmConnect.Integration.Batches;
using GmConnect.Integration.PersonRecords;

namespace GmConnect.Server.Imports;

/// <summary>Bulk imports over HTTP: upload a person-records CSV, list batches, read a batch's row errors.</summary>
internal static class ImportEndpoints
{
    public static void MapImportsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListImports").WithSummary("Import batches, most recent first (counts only)");
        group.MapGet("/{id:long}/errors", ErrorsAsync).WithName("GetImportErrors")
            .WithSummary("The row errors of a batch: line, field and reason (never the values)");
        group.MapPost("/person-records", UploadAsync).WithName("ImportPersonRecords")
            .WithSummary("Import a person-records CSV (version 1) sent as the request body")
            .Accepts<string>("text/csv")
            .Produces<ImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/fhir", FhirUpload.UploadAsync).WithName("ImportFhir")
            .WithSummary("Import a FHIR R4 NDJSON file or Bundle sent as the request body, as the token's practitioner and organisation")
            .Accepts<string>("application/fhir+ndjson", "application/x-ndjson", "application/fhir+json", "application/json")
            .Produces<ImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithMetadata(new GmConnect.Governance.Api.AuditedEndpoint(GmConnect.Governance.Audit.AuditEventType.RegistryChanged));
    }

    private static async Task<IReadOnlyList<ImportBatch>> ListAsync(ImportHistory history, CancellationToken cancellationToken) =>
        await history.ListAsync(cancellationToken: cancellationToken);

    private static async Task<IResult> ErrorsAsync(long id, ImportHistory history, CancellationToken cancellationToken)
    {
        var rows = await history.RejectedRowsAsync(id, cancellationToken);
        return Results.Ok(rows.SelectMany(r => r.Errors));
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, PersonRecordImporter importer, CancellationToken cancellationToken, string? fileName = null)
    {
        // The body is spooled to a file first: the importer hashes the file (idempotence) and
        // reads it in chunks (resumability), and nothing accepted depends on the connection staying up.
        var path = Path.Combine(Path.GetTempPath(), "gmc-upload-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            await using (var file = File.Create(path))
            {
                await request.Body.CopyToAsync(file, cancellationToken);
            }

            var result = await importer.ImportAsync(path, fileName: Path.GetFileName(fileName ?? "upload.csv"), cancellationToken: cancellationToken);
            return Results.Ok(result);
        }
        catch (CsvFormatException e)
        {
            return Results.Problem(title: "The file is not a person-records CSV", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
