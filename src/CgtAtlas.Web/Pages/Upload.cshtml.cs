using CgtAtlas.Ingest;
using CgtAtlas.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary>
/// <c>/upload</c>: add files (the same readers and limits as ingest). Without script the form posts all files and the
/// page lists a result per file; with script each file is sent on its own with a progress bar (JSON answer).
/// </summary>
public sealed class UploadModel(UploadService uploads) : PageModel
{
    /// <summary>Results of the last post.</summary>
    public IReadOnlyList<UploadResult> Results { get; private set; } = [];

    /// <summary>Supported extensions.</summary>
    public static string Formats => DocumentReaders.Default.SupportedList;

    /// <summary>Per-file limit in MB.</summary>
    public double MaxMb => uploads.Limits.MaxFileBytes / 1048576.0;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Ingests the posted files.</summary>
    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, string? collection, CancellationToken cancellationToken)
    {
        if (Request.ContentLength > uploads.Limits.MaxRequestBytes)
        {
            return StatusCode(413);
        }

        Results = files.Count == 0 ? [] : await uploads.IngestAsync(files.Take(uploads.Limits.MaxFiles).ToList(), collection, cancellationToken);
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonResult(Results);
        }

        return Page();
    }
}
