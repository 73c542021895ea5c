namespace CgtAtlas.Search;

/// <summary>Order of search results.</summary>
public enum SearchSort
{
    /// <summary>BM25 relevance with a title boost (best first).</summary>
    Relevance = 0,

    /// <summary>Newest publication date first (undated last).</summary>
    Newest = 1,
}
