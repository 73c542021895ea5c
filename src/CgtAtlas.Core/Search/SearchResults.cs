namespace CgtAtlas.Search;

/// <summary>A page of search results.</summary>
/// <param name="Total">Number of matching documents (near-duplicates collapsed); an estimate when <see cref="TotalIsEstimate"/>.</param>
/// <param name="Hits">The requested page.</param>
/// <param name="Query">The parsed query.</param>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, ParsedQuery Query)
{
    /// <summary>
    /// True when the query matched too many documents to count and score them all within the latency budget: the total is
    /// extrapolated from the newest matches (shells say "about N").
    /// </summary>
    public bool TotalIsEstimate { get; init; }

    /// <summary>
    /// True when the hits are the newest matches ordered title matches first, then by date, rather than all matches
    /// ranked by BM25 (a broad query; narrowing it brings relevance ranking back).
    /// </summary>
    public bool RankedByRecency { get; init; }

    /// <summary>How the hits are ordered, as the JSON outputs name it: <c>relevance</c> or <c>recency</c>.</summary>
    public string RankedBy => RankedByRecency ? "recency" : "relevance";
}
