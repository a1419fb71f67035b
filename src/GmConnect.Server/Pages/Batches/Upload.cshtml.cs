using GmConnect.Integration.PersonRecords;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Batches;

[Authorize]
public sealed class UploadModel(PersonRecordImporter importer) : PageModel
{
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Error = "Select a person-records CSV file";
            return Page();
        }

        var path = Path.Combine(Path.GetTempPath(), "gmc-upload-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            await using (var stream = System.IO.File.Create(path))
            {
                await file.CopyToAsync(stream, cancellationToken);
            }

            var result = await importer.ImportAsync(path, fileName: Path.GetFileName(file.FileName), cancellationToken: cancellationToken);
            return Redirect($"/imports/{result.BatchId}");
        }
        catch (CsvFormatException e)
        {
            Error = "The file is not a person-records CSV: " + e.Message;
            return Page();
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
