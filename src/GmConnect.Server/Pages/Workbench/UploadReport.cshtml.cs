using System.Text;
using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>An uploaded return's validation report: counts per table and rule first, then the rows; downloadable as CSV. Only its uploader sees it.</summary>
[Authorize]
public sealed class UploadReportModel(UploadedReturns uploads) : PageModel
{
    /// <summary>Rows listed on the page per rule; the CSV has them all.</summary>
    public const int RowsShown = 100;

    internal UploadedReturn? Upload { get; private set; }

    public IActionResult OnGet(string id)
    {
        Upload = uploads.Find(id, UserClaims.From(User)!.PractitionerId);
        return Upload is null ? NotFound() : Page();
    }

    public IActionResult OnGetCsv(string id)
    {
        var upload = uploads.Find(id, UserClaims.From(User)!.PractitionerId);
        if (upload is null)
        {
            return NotFound();
        }

        var writer = new StringWriter();
        upload.Report.WriteCsv(writer);
        return File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8",
            $"903-validation-{upload.Report.Authority}-{upload.Report.Year.StartYear}-{upload.Report.Year.EndYear % 100:00}.csv");
    }
}
