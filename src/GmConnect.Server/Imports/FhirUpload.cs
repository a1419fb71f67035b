using System.Globalization;
using System.Security.Claims;
using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Integration.Fhir;
using GmConnect.Integration.PersonRecords;

namespace GmConnect.Server.Imports;

/// <summary>
/// <c>POST /api/imports/fhir</c>: a FHIR R4 NDJSON file or Bundle, imported exactly as <c>gmc import FILE --as ORG</c>
/// (Patients as person records; DocumentReferences through the Locator's bulk producer path, Binary through the
/// Repository), acting as the token's practitioner in the token's organisation, and audited: who uploaded which
/// batch and what came of it (counts only).
/// </summary>
internal static class FhirUpload
{
    public static async Task<IResult> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, FhirImporter importer, AuditTrail audit, CancellationToken cancellationToken, string? fileName = null)
    {
        if (GovernanceClaims.ActorOf(user, request.HttpContext.TraceIdentifier) is not { } actor)
        {
            return Results.Problem(title: "No practitioner in the token", statusCode: StatusCodes.Status401Unauthorized);
        }

        // Spooled to a file first, as the CSV upload: the importer hashes the file (idempotence) and reads it in
        // chunks with checkpoints (resumability), so nothing accepted depends on the connection staying up.
        var path = Path.Combine(Path.GetTempPath(), "gmc-upload-" + Guid.NewGuid().ToString("N") + ".fhir");
        try
        {
            await using (var file = File.Create(path))
            {
                await request.Body.CopyToAsync(file, cancellationToken);
            }

            if (FhirImporter.Detect(path) is null)
            {
                return Results.Problem(title: "The file is neither FHIR NDJSON nor a FHIR Bundle", statusCode: StatusCodes.Status400BadRequest);
            }

            var name = Path.GetFileName(fileName ?? "upload.ndjson");
            var result = await importer.ImportAsync(path, actor.OrganisationId, fileName: name, practitioner: (actor.PractitionerId, actor.Role),
                cancellationToken: cancellationToken);
            await audit.AppendAsync(new AuditRecord(AuditEventType.RegistryChanged, "success", actor.PractitionerId, actor.OrganisationId, actor.Role,
                null, actor.RequestId, [], [], Detail: string.Create(CultureInfo.InvariantCulture,
                    $"import:fhir;batch={result.BatchId};outcome={result.Outcome};accepted={result.Accepted};rejected={result.Rejected}")), cancellationToken);
            return Results.Ok(result);
        }
        catch (FhirFormatException e)
        {
            return Results.Problem(title: "The file is neither FHIR NDJSON nor a FHIR Bundle", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
