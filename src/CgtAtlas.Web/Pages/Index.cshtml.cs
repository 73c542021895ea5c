using CgtAtlas.Storage;
using CgtAtlas.Web.Services;
using CgtAtlas.Workspace;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary>The search home: one box, example queries, saved searches with new-document counts, topics.</summary>
public sealed class IndexModel(LibraryGate gate, SearchService search) : PageModel
{
    /// <summary>Example queries linked under the box.</summary>
    public static IReadOnlyList<string> Examples { get; } = ["CAR-T 价格", "溶瘤病毒 OR oncolytic", "NMPA approval", "基因治疗 血友病", "title:CAR-T after:2025-01-01"];

    /// <summary>Library counts.</summary>
    public LibraryStatistics Stats { get; private set; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Saved searches with their new-document counts.</summary>
    public IReadOnlyList<(SavedSearch Search, int New)> Saved { get; private set; } = [];

    /// <summary>Topics.</summary>
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public void OnGet()
    {
        (Stats, var saved, Topics) = gate.Run((library, workspace) => (library.Store.GetStatistics(), workspace.ListSavedSearches(), workspace.ListTopics()));
        Saved = saved.Select(s => (s, search.CountNewerThan(s.Query, s.LastSeenDocumentId))).ToList();
    }
}
