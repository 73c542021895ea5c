using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Search;
using CgtAtlas.Text;
using CgtAtlas.Workspace;

namespace CgtAtlas.Web.Services;

/// <summary>What the search page asks for: the query text plus the filters chosen from the facets.</summary>
public sealed record PageSearchRequest
{
    /// <summary>Query text (may be empty: then everything, newest first).</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>Language filter code (zh, en, mixed).</summary>
    public string? Language { get; init; }

    /// <summary>Collection filter.</summary>
    public string? Collection { get; init; }

    /// <summary>Source filter (contains).</summary>
    public string? Source { get; init; }

    /// <summary>Modality filter (a canonical name or any name the glossary knows, e.g. 溶瘤病毒).</summary>
    public string? Modality { get; init; }

    /// <summary>Agency filter (NMPA, FDA … or a name such as 国家药监局).</summary>
    public string? Agency { get; init; }

    /// <summary>Published on or after.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Published on or before.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Order.</summary>
    public SearchSort Sort { get; init; }

    /// <summary>Page size.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>Hits to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Only these documents (a tag topic), or null for all.</summary>
    public IReadOnlySet<long>? RestrictTo { get; init; }
}

/// <summary>A hit with the analyst's state of its document.</summary>
/// <param name="Hit">The search hit.</param>
/// <param name="State">Review status, tags, note.</param>
public sealed record PageHit(SearchHit Hit, DocumentState State);

/// <summary>A facet value and how many matching documents have it.</summary>
/// <param name="Value">The value (language code, collection, source).</param>
/// <param name="Count">Matching documents.</param>
public sealed record FacetValue(string Value, int Count);

/// <summary>A page of results with facet counts over the whole match.</summary>
public sealed record PageSearchResult
{
    /// <summary>Matching documents (near-copies collapsed).</summary>
    public int Total { get; init; }

    /// <summary>This page.</summary>
    public IReadOnlyList<PageHit> Hits { get; init; } = [];

    /// <summary>Counts per language.</summary>
    public IReadOnlyList<FacetValue> Languages { get; init; } = [];

    /// <summary>Counts per collection.</summary>
    public IReadOnlyList<FacetValue> Collections { get; init; } = [];

    /// <summary>Counts per source.</summary>
    public IReadOnlyList<FacetValue> Sources { get; init; } = [];

    /// <summary>Counts per modality the documents are about (<see cref="DocumentSubjects"/> counting rule).</summary>
    public IReadOnlyList<FacetValue> Modalities { get; init; } = [];

    /// <summary>Counts per agency the documents are about.</summary>
    public IReadOnlyList<FacetValue> Agencies { get; init; } = [];

    /// <summary>True when facets were counted over the first <see cref="SearchService.FacetWindow"/> hits only.</summary>
    public bool FacetsTruncated { get; init; }

    /// <summary>True when <see cref="Total"/> is extrapolated from the newest matches (a broad query).</summary>
    public bool TotalIsEstimate { get; init; }

    /// <summary>True when the hits are the newest matches, title matches first, rather than all matches ranked by BM25.</summary>
    public bool RankedByRecency { get; init; }
}

/// <summary>
/// The search behind the pages: the library's parser, expander, store and snippets (as <see cref="Library.Search"/>)
/// with the page's filters merged into the query's own, and facet counts over the whole match.
/// </summary>
public sealed class SearchService
{
    /// <summary>Most hits facets are counted over.</summary>
    public const int FacetWindow = 5000;

    private readonly LibraryGate _gate;
    private readonly QueryExpander _expander = new(TextServices.Default);
    private readonly SnippetBuilder _snippets = new(TextServices.Default.Analyzer);

    /// <summary>Creates the service.</summary>
    public SearchService(LibraryGate gate) => _gate = gate;

    /// <summary>Runs a page search.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed.</exception>
    public PageSearchResult Search(PageSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = string.IsNullOrWhiteSpace(request.Query)
            ? new ParsedQuery(string.Empty, null, new SearchFilters())
            : new QueryParser().Parse(request.Query);
        var filters = parsed.Filters;
        if (request.Language is { } code && LanguageCodes.TryParse(code, out var language))
        {
            filters = filters with { Languages = [.. filters.Languages.Append(language).Distinct()] };
        }

        if (!string.IsNullOrWhiteSpace(request.Collection))
        {
            filters = filters with { Collections = [.. filters.Collections.Append(request.Collection.Trim()).Distinct()] };
        }

        if (!string.IsNullOrWhiteSpace(request.Source))
        {
            filters = filters with { Sources = [.. filters.Sources.Append(request.Source.Trim()).Distinct()] };
        }

        filters = filters with
        {
            Modalities = AddSubject(filters.Modalities, SubjectKind.Modality, request.Modality),
            Agencies = AddSubject(filters.Agencies, SubjectKind.Agency, request.Agency),
        };

        if (request.From is { } from && (filters.After is null || from > filters.After))
        {
            filters = filters with { After = from };
        }

        if (request.To is { } to && (filters.Before is null || to < filters.Before))
        {
            filters = filters with { Before = to };
        }

        var match = parsed.Root is null ? null : _expander.Expand(parsed.Root);
        var sort = match is null ? SearchSort.Newest : request.Sort;
        return _gate.Run((library, workspace) =>
        {
            var phrases = match is null ? [] : QueryExpander.PositivePhrases(match);
            var titleMatches = library.TitleMatcher(phrases);
            var all = library.Store.Search(match, filters, sort, FacetWindow, 0, titleMatches);
            var window = all.Hits.Where(h => request.RestrictTo is null || request.RestrictTo.Contains(h.Id)).ToList();
            var total = request.RestrictTo is null ? all.Total : window.Count;
            var page = window.Skip(request.Offset).Take(request.Limit).ToList();
            if (request.RestrictTo is null && request.Offset + request.Limit > FacetWindow)
            {
                page = library.Store.Search(match, filters, sort, request.Limit, request.Offset, titleMatches).Hits.ToList();
            }

            var ids = page.Select(h => h.Id).ToList();
            var paragraphs = library.Store.GetParagraphs(ids);
            var states = workspace.GetStates(ids);
            var hits = page.Select(hit => new PageHit(new SearchHit
            {
                Id = hit.Id,
                Title = hit.Title,
                Score = hit.Score,
                Published = hit.Published,
                Language = hit.Language,
                Source = hit.Source,
                CollapsedCopies = hit.CollapsedCopies,
                Snippet = _snippets.Build(paragraphs.GetValueOrDefault(hit.Id) ?? [], phrases),
            }, states[hit.Id])).ToList();

            var windowIds = window.Select(h => h.Id).ToList();
            var collections = workspace.CollectionsOf(windowIds);
            var subjects = library.Store.GetSubjects(windowIds).Values.SelectMany(v => v).ToList();
            return new PageSearchResult
            {
                Total = total,
                Hits = hits,
                Languages = Count(window.Select(h => h.Language.ToCode())),
                Sources = Count(window.Select(h => h.Source).OfType<string>()).Take(12).ToList(),
                Collections = Count(collections.Values.SelectMany(c => c)).Take(12).ToList(),
                Modalities = Count(subjects.Where(x => x.Kind == SubjectKind.Modality).Select(x => x.Value)),
                Agencies = Count(subjects.Where(x => x.Kind == SubjectKind.Agency).Select(x => x.Value)),
                FacetsTruncated = all.Total > FacetWindow,
                TotalIsEstimate = request.RestrictTo is null && all.TotalIsEstimate,
                RankedByRecency = all.RankedByRecency,
            };
        });
    }

    /// <summary>Highlights of the query in a title, as HTML-escaped text with &lt;mark&gt;.</summary>
    public string HighlightTitle(string title, string query)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (string.IsNullOrWhiteSpace(query))
        {
            return System.Net.WebUtility.HtmlEncode(title);
        }

        try
        {
            var parsed = new QueryParser().Parse(query);
            if (parsed.Root is null)
            {
                return System.Net.WebUtility.HtmlEncode(title);
            }

            var phrases = QueryExpander.PositivePhrases(_expander.Expand(parsed.Root)).Select(p => p with { TitleOnly = false }).ToList();
            return new Snippet(0, title, _snippets.FindMatches(title, phrases, out _)).ToHtml();
        }
        catch (QuerySyntaxException)
        {
            return System.Net.WebUtility.HtmlEncode(title);
        }
    }

    /// <summary>How many documents matching <paramref name="query"/> have an id above <paramref name="afterId"/>
    /// (were added after a saved search was last opened); 0 for a query that no longer parses.</summary>
    public int CountNewerThan(string query, long afterId)
    {
        ParsedQuery parsed;
        try
        {
            parsed = new QueryParser().Parse(query);
        }
        catch (QuerySyntaxException)
        {
            return 0;
        }

        var match = parsed.Root is null ? null : _expander.Expand(parsed.Root);
        return _gate.Run((library, _) => library.Store.Search(match, parsed.Filters, SearchSort.Newest, FacetWindow, 0).Hits.Count(h => h.Id > afterId));
    }

    /// <summary>Adds a page filter to the query's own; an unknown value is a query error (400), not an empty result.</summary>
    private static IReadOnlyList<string> AddSubject(IReadOnlyList<string> current, SubjectKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return current;
        }

        var canonical = DocumentSubjects.Normalize(kind, value) ?? throw new QuerySyntaxException(
            $"Unknown {(kind == SubjectKind.Agency ? "agency" : "modality")} '{value.Trim()}'; use one of: " +
            string.Join(", ", kind == SubjectKind.Agency ? DocumentSubjects.Agencies : DocumentSubjects.Modalities) + ".", 0);
        return [.. current.Append(canonical).Distinct(StringComparer.Ordinal)];
    }

    private static List<FacetValue> Count(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
}
