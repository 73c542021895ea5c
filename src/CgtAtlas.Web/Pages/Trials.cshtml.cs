using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary><c>/landscape/trials?country=&amp;modality=</c>: the trial records behind a bar of the trials dashboard.</summary>
public sealed class TrialsModel(Services.TrialDashboard dashboard) : PageModel
{
    /// <summary>The filters in force (dimension → bar value).</summary>
    public IReadOnlyDictionary<string, string> Filters { get; private set; } = new Dictionary<string, string>();

    /// <summary>The records, or empty.</summary>
    public IReadOnlyList<Knowledge.ClinicalTrial> Records { get; private set; } = [];

    /// <summary>True when a filter names no bar of its chart (the page then answers 404).</summary>
    public bool Unknown { get; private set; }

    /// <summary>Lists the records behind the chosen country and/or modality bar.</summary>
    public IActionResult OnGet(string? country, string? modality)
    {
        Filters = new[] { ("country", country), ("modality", modality) }
            .Where(f => !string.IsNullOrWhiteSpace(f.Item2))
            .ToDictionary(f => f.Item1, f => f.Item2!.Trim(), StringComparer.Ordinal);
        var records = dashboard.Records(Filters);
        Unknown = records is null;
        Records = records ?? [];
        if (Unknown)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
