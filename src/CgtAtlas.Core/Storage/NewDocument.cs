using CgtAtlas.Documents;
using CgtAtlas.Facts;

namespace CgtAtlas.Storage;

/// <summary>Everything a store needs to write one document: content, identity and the analysed index text.</summary>
public sealed record NewDocument
{
    /// <summary>What the reader extracted.</summary>
    public required DocumentContent Content { get; init; }

    /// <summary>Language of the whole document.</summary>
    public required Language Language { get; init; }

    /// <summary>Exact-duplicate key.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Near-duplicate fingerprint, when the document is long enough.</summary>
    public ulong? SimHash { get; init; }

    /// <summary>The first stored copy of the same story, if any.</summary>
    public long? NearDuplicateOf { get; init; }

    /// <summary>Collections to put the document in.</summary>
    public IReadOnlyList<string> Collections { get; init; } = [];

    /// <summary>Analysed title terms, space-separated.</summary>
    public required string IndexTitle { get; init; }

    /// <summary>Analysed body terms, space-separated.</summary>
    public required string IndexBody { get; init; }

    /// <summary>The modalities and agencies the document is about (search facets).</summary>
    public IReadOnlyList<DocumentSubject> Subjects { get; init; } = [];

    /// <summary>What <see cref="ILibraryStore.PrepareWrite"/> returned for <see cref="Content"/> (null: the store prepares it while writing).</summary>
    public object? Prepared { get; init; }

    /// <summary>Ingest time (UTC).</summary>
    public required DateTimeOffset IngestedAt { get; init; }
}
