using System.Globalization;
using CgtAtlas.Search;
using CgtAtlas.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary><c>/search?q=</c>: results with highlighted snippets, facet filters, date range, sort and paging.</summary>
public sealed class SearchModel(SearchService search, LibraryGate gate) : PageModel
{
    /// <summary>Hits per page.</summary>
    public const int PageSize = 20;

    /// <summary>Query text.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Language filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    /// <summary>Collection filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Collection { get; set; }

    /// <summary>Source filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>Modality filter (facet).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Modality { get; set; }

    /// <summary>Agency filter (facet).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    /// <summary>Published from (yyyy-MM-dd).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Published to (yyyy-MM-dd).</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>relevance or newest.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>1-based page.</summary>
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The results (null on a query error).</summary>
    public PageSearchResult? Result { get; private set; }

    /// <summary>The parser's message for a malformed query.</summary>
    public string? Error { get; private set; }

    /// <summary>Pages in all.</summary>
    public int PageCount => Result is null ? 0 : Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    /// <summary>Runs the search.</summary>
    public IActionResult OnGet()
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        try
        {
            Result = search.Search(new PageSearchRequest
            {
                Query = Q ?? string.Empty,
                Language = Lang,
                Collection = Collection,
                Source = Source,
                Modality = Modality,
                Agency = Agency,
                From = ParseDate(From),
                To = ParseDate(To),
                Sort = Sort == "newest" ? SearchSort.Newest : SearchSort.Relevance,
                Limit = PageSize,
                Offset = (PageNumber - 1) * PageSize,
            });
        }
        catch (QuerySyntaxException ex)
        {
            Error = ex.Message;
            Response.StatusCode = 400;
        }

        return Page();
    }

    /// <summary>Saves the current query (with its filters written into it) as a saved search.</summary>
    public IActionResult OnPostSave(string? name)
    {
        var query = EffectiveQuery();
        if (string.IsNullOrWhiteSpace(query))
        {
            return RedirectToPage();
        }

        try
        {
            new QueryParser().Parse(query);
        }
        catch (QuerySyntaxException)
        {
            return Redirect(Link("q", Q));
        }

        var label = string.IsNullOrWhiteSpace(name) ? query : name.Trim();
        gate.Run((_, w) => w.SaveSearch(label.Length > 100 ? label[..100] : label, query));
        return Redirect("/");
    }

    /// <summary>The query text with the chosen filters appended in the query language (what a saved search stores).</summary>
    public string EffectiveQuery()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add(Q.Trim());
        }

        void Add(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(value.Any(char.IsWhiteSpace) ? $"{field}:\"{value.Trim()}\"" : $"{field}:{value.Trim()}");
            }
        }

        Add("lang", Lang);
        Add("collection", Collection);
        Add("source", Source);
        Add("modality", Modality);
        Add("agency", Agency);
        Add("after", From);
        Add("before", To);
        return string.Join(' ', parts);
    }

    /// <summary>This search's URL with one parameter changed (null removes it); paging restarts.</summary>
    public string Link(string name, string? value)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Q, ["lang"] = Lang, ["collection"] = Collection, ["source"] = Source, ["modality"] = Modality, ["agency"] = Agency, ["from"] = From, ["to"] = To, ["sort"] = Sort,
        };
        values[name] = value;
        if (name == "page")
        {
            values["page"] = value;
        }

        var query = string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)));
        return "/search" + (query.Length > 0 ? "?" + query : string.Empty);
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
