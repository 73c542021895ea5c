namespace CgtAtlas.Documents;

/// <summary>A document as kept in the library: its content plus identity and provenance.</summary>
public sealed record StoredDocument
{
    /// <summary>Library-wide id, shown to users (<c>cgt show 12</c>).</summary>
    public required long Id { get; init; }

    /// <summary>The document title.</summary>
    public required string Title { get; init; }

    /// <summary>Publisher or outlet, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Original address, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Publication date, when known.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Language of the whole document.</summary>
    public required Language Language { get; init; }

    /// <summary>Input format (txt, md, html, pdf, rss, atom).</summary>
    public required string Format { get; init; }

    /// <summary>SHA-256 (hex) of the normalised paragraph text: the exact-duplicate key.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The file (or feed item) it was ingested from.</summary>
    public required string OriginPath { get; init; }

    /// <summary>When it was stored (UTC).</summary>
    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>The first stored copy of the same story, when this one is a near-duplicate.</summary>
    public long? NearDuplicateOf { get; init; }

    /// <summary>Collections the document belongs to.</summary>
    public IReadOnlyList<string> Collections { get; init; } = [];

    /// <summary>Numbered paragraphs (empty when only metadata was loaded).</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];
}
