using CgtAtlas.Analytics;
using CgtAtlas.Knowledge;
using CgtAtlas.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary>
/// <c>/landscape</c>: approved CGT products from the curated knowledge base, a chart of approvals per year by modality
/// whose bars link to the products behind them, the filtered products table with sources, and imported trials by
/// country and modality whose bars link to the trial records.
/// </summary>
public sealed class LandscapeModel(TrialDashboard dashboard) : PageModel
{
    /// <summary>Imported CGT trials by country and by modality (empty until trials are imported).</summary>
    public TrialReport Trials { get; private set; } = new(0, true, []);

    /// <summary>Agency shown (NMPA, FDA, EMA).</summary>
    public string Agency { get; private set; } = "NMPA";

    /// <summary>Modality filter, when set.</summary>
    public string? Modality { get; private set; }

    /// <summary>Year filter, when set.</summary>
    public int? Year { get; private set; }

    /// <summary>Agencies with data.</summary>
    public IReadOnlyList<string> Agencies { get; private set; } = [];

    /// <summary>Modalities present for the agency, most approvals first.</summary>
    public IReadOnlyList<string> Modalities { get; private set; } = [];

    /// <summary>Approvals per (year, modality) for the agency.</summary>
    public IReadOnlyList<(int Year, IReadOnlyList<(string Modality, int Count)> Parts)> Years { get; private set; } = [];

    /// <summary>The largest yearly total (bar scale).</summary>
    public int MaxPerYear { get; private set; } = 1;

    /// <summary>Products matching the filters, newest first.</summary>
    public IReadOnlyList<ProductApproval> Products { get; private set; } = [];

    /// <summary>Why the knowledge base could not be loaded, if it could not.</summary>
    public string? Error { get; private set; }

    /// <summary>Builds the page.</summary>
    public void OnGet(string? agency, string? modality, int? year)
    {
        Trials = dashboard.Report(TrialDashboard.Charted);
        KnowledgeBase kb;
        try
        {
            kb = KnowledgeBase.Default;
        }
        catch (Exception ex) when (ex is KnowledgeDataException or DirectoryNotFoundException)
        {
            Error = ex.Message;
            return;
        }

        var cgt = kb.Products.Where(p => p.CountsAsCgt).ToList();
        Agencies = cgt.Select(p => p.Agency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Agency = Agencies.FirstOrDefault(a => string.Equals(a, agency, StringComparison.OrdinalIgnoreCase)) ?? "NMPA";
        var forAgency = cgt.Where(p => p.Agency == Agency).ToList();
        Modalities = forAgency.GroupBy(p => p.Modality).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        Modality = Modalities.FirstOrDefault(m => string.Equals(m, modality, StringComparison.OrdinalIgnoreCase));
        Year = year;
        Years = forAgency.GroupBy(p => p.ApprovalDate.Year).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<(string, int)>)g.GroupBy(p => p.Modality).OrderBy(m => Modalities.ToList().IndexOf(m.Key))
                .Select(m => (m.Key, m.Count())).ToList()))
            .ToList();
        MaxPerYear = Math.Max(1, Years.Count == 0 ? 1 : Years.Max(y => y.Parts.Sum(p => p.Count)));
        Products = forAgency
            .Where(p => Modality is null || p.Modality == Modality)
            .Where(p => Year is null || p.ApprovalDate.Year == Year)
            .OrderByDescending(p => p.ApprovalDate)
            .ToList();
    }

    /// <summary>The colour class of a modality (stable by its rank).</summary>
    public string ColourOf(string modality) => "m" + Math.Max(0, Modalities.ToList().IndexOf(modality)) % 8;
}
