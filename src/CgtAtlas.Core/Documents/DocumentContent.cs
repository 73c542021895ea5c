namespace CgtAtlas.Documents;

/// <summary>
/// What a reader extracted from one input: metadata and numbered paragraphs, before it is stored.
/// </summary>
public sealed record DocumentContent
{
    /// <summary>The document title (from front matter, the page, the feed item, or the first line).</summary>
    public required string Title { get; init; }

    /// <summary>Paragraphs in reading order, numbered from 1.</summary>
    public required IReadOnlyList<Paragraph> Paragraphs { get; init; }

    /// <summary>Publisher or outlet, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Original address of the document, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Publication date, when known.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Where the content came from: a file path, or a path with a feed item suffix (<c>feed.xml#3</c>).</summary>
    public required string OriginPath { get; init; }

    /// <summary>Format that produced it: txt, md, html, pdf, rss, atom.</summary>
    public required string Format { get; init; }

    /// <summary>The encoding the bytes were decoded with (for text formats), e.g. <c>gb18030</c>.</summary>
    public string? Encoding { get; init; }

    /// <summary>Collections named in the input itself (front matter); the ingest request may add more.</summary>
    public IReadOnlyList<string> Collections { get; init; } = [];
}
