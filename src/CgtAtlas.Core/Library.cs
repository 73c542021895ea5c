using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Ingest;
using CgtAtlas.Insights;
using CgtAtlas.Search;
using CgtAtlas.Storage;
using CgtAtlas.Text;

namespace CgtAtlas;

/// <summary>
/// The façade the CLI and the web app call: ingest, search and read documents. It holds no state of its own beyond
/// the store and the shared, immutable text services.
/// </summary>
public sealed class Library : IDisposable
{
    /// <summary>Largest page a search returns.</summary>
    public const int MaxPageSize = 200;

    private readonly QueryParser _parser = new();
    private readonly QueryExpander _expander;
    private readonly SnippetBuilder _snippets;

    /// <summary>Creates a library over <paramref name="store"/>; the library owns and disposes the store.</summary>
    public Library(ILibraryStore store, TextServices text)
    {
        Store = store;
        Text = text;
        _expander = new QueryExpander(text);
        _snippets = new SnippetBuilder(text.Analyzer);
    }

    /// <summary>The underlying store.</summary>
    public ILibraryStore Store { get; }

    /// <summary>The shared text services.</summary>
    public TextServices Text { get; }

    /// <summary>Ingests files and folders; see <see cref="IngestPipeline"/>.</summary>
    public IngestReport Ingest(IEnumerable<string> inputs, IngestOptions? options = null, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default, Action<IngestedDocument>? onStored = null) =>
        new IngestPipeline(Store, Text.Analyzer).Run(inputs, options ?? new IngestOptions(), progress, cancellationToken, onStored);

    /// <summary>Parses and runs a query; hits carry highlighted snippets.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Limit or offset out of range.</exception>
    public SearchResults Search(SearchRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1, nameof(request.Limit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Limit, MaxPageSize, nameof(request.Limit));
        ArgumentOutOfRangeException.ThrowIfNegative(request.Offset, nameof(request.Offset));

        var parsed = _parser.Parse(request.Query);
        var match = parsed.Root is null ? null : _expander.Expand(parsed.Root);
        var phrases = match is null ? [] : QueryExpander.PositivePhrases(match);
        var page = Store.Search(match, parsed.Filters, request.Sort, request.Limit, request.Offset, TitleMatcher(phrases));
        var paragraphs = Store.GetParagraphs(page.Hits.Select(h => h.Id).ToList());
        var hits = page.Hits.Select(hit => new SearchHit
        {
            Id = hit.Id,
            Title = hit.Title,
            Score = hit.Score,
            Published = hit.Published,
            Language = hit.Language,
            Source = hit.Source,
            CollapsedCopies = hit.CollapsedCopies,
            Snippet = _snippets.Build(paragraphs.GetValueOrDefault(hit.Id) ?? [], phrases),
        }).ToList();
        return new SearchResults(page.Total, hits, parsed) { TotalIsEstimate = page.TotalIsEstimate, RankedByRecency = page.RankedByRecency };
    }

    /// <summary>Highlights of the query in the title (for display), as character spans.</summary>
    public IReadOnlyList<(int Start, int Length)> TitleHighlights(string title, string query)
    {
        var parsed = _parser.Parse(query);
        if (parsed.Root is null)
        {
            return [];
        }

        return _snippets.FindMatches(title, Anywhere(QueryExpander.PositivePhrases(_expander.Expand(parsed.Root))), out _);
    }

    /// <summary>
    /// Whether a title shows one of <paramref name="phrases"/> (as its highlighted title does): the title tier of a broad
    /// query ranked by recency. Analysing a few hundred titles is far cheaper than asking the index again.
    /// </summary>
    public Func<string, bool> TitleMatcher(IReadOnlyList<MatchPhrase> phrases)
    {
        var anywhere = Anywhere(phrases);
        return title => _snippets.FindMatches(title, anywhere, out _).Count > 0;
    }

    // A title: search restricts a phrase to titles; matching against a title itself, every phrase applies.
    private static List<MatchPhrase> Anywhere(IEnumerable<MatchPhrase> phrases) =>
        phrases.Select(p => p with { TitleOnly = false }).Distinct().ToList();

    /// <summary>One document with its paragraphs, or null.</summary>
    public StoredDocument? GetDocument(long id) => Store.GetDocument(id);

    /// <summary>Where briefs are cached between runs; null composes every brief afresh. Set once by the shell at start-up.</summary>
    public IBriefCache? BriefCache { get; set; }

    /// <summary>The typed facts of one document (paragraph and evidence for each), or null when the id does not exist.</summary>
    public IReadOnlyList<Fact>? GetFacts(long id) =>
        Store.GetDocument(id) is { } document ? s_extractor.Extract(document.Paragraphs, document.Published) : null;

    /// <summary>
    /// The brief of one document in <paramref name="language"/> (<c>en</c> or <c>zh</c>), or null when the id does not exist.
    /// Cached per content hash, extractor version, composer version and language when <see cref="BriefCache"/> is set.
    /// </summary>
    public Brief? GetBrief(long id, string language = "en")
    {
        // Metadata first: a cache hit needs only the content hash, not the paragraphs.
        var document = Store.GetDocument(id, includeParagraphs: false);
        if (document is null)
        {
            return null;
        }

        var key = new BriefCacheKey(id, document.ContentHash, FactExtractor.Version, BriefComposer.Version, BriefComposer.NormalizeLanguage(language));
        if (BriefCache?.TryGet(key) is { } cached)
        {
            return cached;
        }

        var full = Store.GetDocument(id);
        if (full is null)
        {
            return null;
        }

        var brief = s_composer.Compose(full, key.Language);
        BriefCache?.Put(key, brief);
        return brief;
    }

    private static readonly FactExtractor s_extractor = new();
    private static readonly BriefComposer s_composer = new(s_extractor);

    /// <inheritdoc />
    public void Dispose()
    {
        (BriefCache as IDisposable)?.Dispose();
        Store.Dispose();
    }
}
