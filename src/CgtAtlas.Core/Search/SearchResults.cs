namespace CgtAtlas.Search;

/// <summary>A page of search results.</summary>
/// <param name="Total">Number of matching documents (near-duplicates collapsed).</param>
/// <param name="Hits">The requested page.</param>
/// <param name="Query">The parsed query.</param>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, ParsedQuery Query);
