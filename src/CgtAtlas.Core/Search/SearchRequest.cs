namespace CgtAtlas.Search;

/// <summary>A search as the shells issue it.</summary>
public sealed record SearchRequest
{
    /// <summary>The query text in the CgtAtlas query language.</summary>
    public required string Query { get; init; }

    /// <summary>Page size (1–200).</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Hits to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Result order.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
}
