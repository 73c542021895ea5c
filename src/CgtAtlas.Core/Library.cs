using CgtAtlas.Documents;
using CgtAtlas.Ingest;
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
        CancellationToken cancellationToken = default) =>
        new IngestPipeline(Store, Text.Analyzer).Run(inputs, options ?? new IngestOptions(), progress, cancellationToken);

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
        var page = Store.Search(match, parsed.Filters, request.Sort, request.Limit, request.Offset);
        var phrases = match is null ? [] : QueryExpander.PositivePhrases(match);
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
        return new SearchResults(page.Total, hits, parsed);
    }

    /// <summary>Highlights of the query in the title (for display), as character spans.</summary>
    public IReadOnlyList<(int Start, int Length)> TitleHighlights(string title, string query)
    {
        var parsed = _parser.Parse(query);
        if (parsed.Root is null)
        {
            return [];
        }

        var phrases = QueryExpander.PositivePhrases(_expander.Expand(parsed.Root)).Select(p => p with { TitleOnly = false }).ToList();
        return _snippets.FindMatches(title, phrases, out _);
    }

    /// <summary>One document with its paragraphs, or null.</summary>
    public StoredDocument? GetDocument(long id) => Store.GetDocument(id);

    /// <inheritdoc />
    public void Dispose() => Store.Dispose();
}
