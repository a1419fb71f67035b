using System.IO.Compression;
using GmConnect.Integration.Ssda903;
using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// An analyst uploads their authority's 903 files (one CSV per table, an XML file, or a zip of them) and gets the
/// validation report. Files that are not 903 tables are named and skipped; the rest are still checked. Nothing is
/// stored but the report, in memory, for its uploader.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = 200L * 1024 * 1024)]
[RequestSizeLimit(200L * 1024 * 1024)]
public sealed class UploadModel(UploadedReturns uploads, IOptions<WorkbenchOptions> options, TimeProvider clock, ILogger<UploadModel> logger) : PageModel
{
    [BindProperty]
    public string? Year { get; set; }

    internal WorkbenchViewer Viewer { get; private set; } = new(null);

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>What the importer said about the files, when none of them could be used.</summary>
    internal IReadOnlyList<ImportMessage> Messages { get; private set; } = [];

    public void OnGet() => Viewer = WorkbenchViewer.Of(UserClaims.From(User));

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, CancellationToken cancellationToken)
    {
        var user = UserClaims.From(User)!;
        Viewer = WorkbenchViewer.Of(user);
        if (Viewer.Authority is not { } authority)
        {
            return Forbid();
        }

        CollectionYear? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (CollectionYear.TryParse(Year.Trim(), out var y))
            {
                year = y;
            }
            else
            {
                Errors["year"] = "Enter the collection year like 2024/25";
            }
        }

        files = files?.Where(f => f.Length > 0).ToList() ?? [];
        if (files.Count == 0)
        {
            Errors["files"] = "Select the return's files: a CSV file per table, an XML file, or a zip of them";
        }
        else if (files.Sum(f => f.Length) > options.Value.MaxUploadBytes)
        {
            Errors["files"] = $"The files must be {options.Value.MaxUploadBytes / (1024 * 1024)} MB or smaller together";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var folder = Directory.CreateTempSubdirectory("gmc-903-upload-");
        try
        {
            var names = new List<string>();
            foreach (var file in files)
            {
                var name = SafeName(file.FileName);
                if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    if (!await ExtractAsync(file, folder, names, cancellationToken))
                    {
                        Errors["files"] = $"{name} is not a zip file that can be opened; select it again or send the CSV files themselves";
                        return Page();
                    }

                    continue;
                }

                await using (var target = System.IO.File.Create(Path.Combine(folder.FullName, name)))
                {
                    await file.CopyToAsync(target, cancellationToken);
                }

                names.Add(name);
            }

            var imported = Ssda903Importer.ReadReturn(folder.FullName, authority, year);
            // The importer names the temporary folder in some messages; the analyst knows it as their upload.
            Messages = imported.Messages.Select(m => m with { File = m.File.StartsWith(folder.FullName, StringComparison.Ordinal) ? "the upload" : m.File }).ToList();
            var ret = imported.Returns.Count > 0 ? imported.Returns[0] : null;
            if (ret is null)
            {
                Errors["year"] = "Enter the collection year: it was not in the file names";
                return Page();
            }

            if (ret.Supplied.Count == 0)
            {
                Errors["files"] = "None of the files is a 903 table: each CSV needs the DfE columns of one table";
                return Page();
            }

            var report = ValidationReport.Build(ret);
            var upload = uploads.Add(user.PractitionerId, clock.GetUtcNow(), names, report, Messages);
            Log.WorkbenchUploadValidated(logger, report.Tables.Count, report.Tables.Sum(t => t.Rows), report.Errors.Count, Messages.Count);
            return Redirect($"/workbench/upload/{upload.Id}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Only the last part of a name is used, so an upload can never write outside its own folder.
    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) || name is "." or ".." ? "upload.csv" : name;
    }

    private async Task<bool> ExtractAsync(IFormFile file, DirectoryInfo folder, List<string> names, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = file.OpenReadStream();
            await using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries.Where(e => e.Length > 0 && !e.FullName.EndsWith('/')))
            {
                total += entry.Length;
                if (total > options.Value.MaxUploadBytes)
                {
                    return false;
                }

                var name = SafeName(entry.FullName);
                var path = Path.Combine(folder.FullName, name);
                if (System.IO.File.Exists(path))
                {
                    name = Path.GetFileNameWithoutExtension(name) + "-" + names.Count + Path.GetExtension(name);
                    path = Path.Combine(folder.FullName, name);
                }

                await using var source = await entry.OpenAsync(cancellationToken);
                await using var target = System.IO.File.Create(path);
                await source.CopyToAsync(target, cancellationToken);
                names.Add(name);
            }

            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
