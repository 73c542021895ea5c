using CgtAtlas.Documents;
using CgtAtlas.Search;
using CgtAtlas.Web.Services;
using CgtAtlas.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary>One document of a topic page with its brief.</summary>
/// <param name="Document">The document (metadata only).</param>
/// <param name="State">Its review state.</param>
/// <param name="Brief">Its brief.</param>
public sealed record TopicEntry(StoredDocument Document, DocumentState State, DocumentBrief Brief);

/// <summary>
/// <c>/topics/{id}</c>, the layout users know: a "Search documents" box scoped to the topic, status counts, then the
/// documents newest first, each with title, source · date and its brief with <c>[n]</c> links to the paragraphs.
/// </summary>
public sealed class TopicModel(LibraryGate gate, SearchService search, IBriefProvider briefs) : PageModel
{
    /// <summary>Documents per page.</summary>
    public const int PageSize = 10;

    /// <summary>The topic.</summary>
    public Topic Topic { get; private set; } = null!;

    /// <summary>Search within the topic.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Status filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>1-based page.</summary>
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Counts per status over the whole topic.</summary>
    public StatusCounts Counts { get; private set; } = new(0, 0, 0, 0);

    /// <summary>This page's documents.</summary>
    public IReadOnlyList<TopicEntry> Entries { get; private set; } = [];

    /// <summary>Documents listed in all (after search and status filter).</summary>
    public int Total { get; private set; }

    /// <summary>The language the briefs are shown in (<c>en</c> or <c>zh</c>).</summary>
    public string BriefLanguageCode { get; private set; } = "en";

    /// <summary>The parser's message for a malformed query.</summary>
    public string? Error { get; private set; }

    /// <summary>Loads the topic page.</summary>
    public IActionResult OnGet(long id)
    {
        var topic = gate.Run((_, w) => w.GetTopic(id));
        if (topic is null)
        {
            return NotFound();
        }

        Topic = topic;
        PageNumber = Math.Max(1, PageNumber);
        var ids = gate.Run((_, w) => w.TopicDocumentIds(topic));
        var states = gate.Run((_, w) => w.GetStates(ids));
        Counts = new StatusCounts(
            states.Values.Count(s => s.Status == ReviewStatus.New), states.Values.Count(s => s.Status == ReviewStatus.Reviewing),
            states.Values.Count(s => s.Status == ReviewStatus.Done), states.Values.Count(s => s.Status == ReviewStatus.Archived));

        IReadOnlyList<long> listed = ids;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            try
            {
                var result = search.Search(new PageSearchRequest
                {
                    Query = Q,
                    Collection = topic.Kind == TopicKind.Collection ? topic.Name : null,
                    RestrictTo = topic.Kind == TopicKind.Tag ? ids.ToHashSet() : null,
                    Sort = SearchSort.Newest,
                    Limit = SearchService.FacetWindow,
                });
                listed = result.Hits.Select(h => h.Hit.Id).ToList();
            }
            catch (QuerySyntaxException ex)
            {
                Error = ex.Message;
                listed = [];
            }
        }

        if (WorkspaceCodes.TryParseStatus(Status, out var status))
        {
            listed = listed.Where(i => states.TryGetValue(i, out var s) ? s.Status == status : status == ReviewStatus.New).ToList();
        }

        Total = listed.Count;
        var page = listed.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        var documents = gate.Run((library, w) => page.Select(i => library.GetDocument(i)).OfType<StoredDocument>().ToList());
        var pageStates = gate.Run((_, w) => w.GetStates(page));
        BriefLanguageCode = BriefLanguage.Of(HttpContext);
        Entries = documents.Select(d => new TopicEntry(d with { Paragraphs = [] }, pageStates[d.Id], briefs.GetBrief(d, BriefLanguageCode))).ToList();
        return Page();
    }

    /// <summary>The URL of page <paramref name="number"/> of this listing.</summary>
    public string PageUrl(int number)
    {
        var url = Link("q", Q);
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "page=" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>This page's URL with one parameter changed.</summary>
    public string Link(string name, string? value)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Q, ["status"] = Status, [BriefLanguage.Parameter] = Request.Query[BriefLanguage.Parameter].ToString(),
        };
        values[name] = value;
        var query = string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)));
        return $"/topics/{Topic.Id}" + (query.Length > 0 ? "?" + query : string.Empty);
    }
}
