using CgtAtlas.Documents;

namespace CgtAtlas.Search;

/// <summary>One search result.</summary>
public sealed record SearchHit
{
    /// <summary>Document id.</summary>
    public required long Id { get; init; }

    /// <summary>Document title.</summary>
    public required string Title { get; init; }

    /// <summary>Relevance score: higher is better (negated BM25).</summary>
    public required double Score { get; init; }

    /// <summary>Publication date, when known.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Document language.</summary>
    public required Language Language { get; init; }

    /// <summary>Publisher, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Highlighted snippet (see <see cref="Snippet"/>).</summary>
    public Snippet? Snippet { get; init; }

    /// <summary>How many near-duplicate copies were collapsed into this hit.</summary>
    public int CollapsedCopies { get; init; }
}
