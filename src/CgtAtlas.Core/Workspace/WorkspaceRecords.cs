namespace CgtAtlas.Workspace;

/// <summary>A typed tag.</summary>
/// <param name="Id">Tag id.</param>
/// <param name="Name">Display name (unique per type, case-insensitive).</param>
/// <param name="Type">What the tag names.</param>
public sealed record Tag(long Id, string Name, TagType Type)
{
    /// <summary>True when the tag was assigned from the knowledge base rather than by a person (on this document).</summary>
    public bool Automatic { get; init; }
}

/// <summary>An analyst's state of one document: review status, tags and a private note.</summary>
public sealed record DocumentState
{
    /// <summary>The document.</summary>
    public required long DocumentId { get; init; }

    /// <summary>Review status (<see cref="ReviewStatus.New"/> until changed).</summary>
    public ReviewStatus Status { get; init; }

    /// <summary>Tags on the document.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The private note, or null.</summary>
    public string? Note { get; init; }

    /// <summary>When status or note last changed (UTC), or null when never.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>What a topic gathers its documents by.</summary>
public enum TopicKind
{
    /// <summary>Documents in a collection (from ingest).</summary>
    Collection = 0,

    /// <summary>Documents carrying a tag of that name.</summary>
    Tag = 1,
}

/// <summary>A topic page: a collection or a tag, such as "CGT产品".</summary>
/// <param name="Id">Topic id (used in <c>/topics/{id}</c>).</param>
/// <param name="Name">The collection or tag name.</param>
/// <param name="Kind">Collection or tag.</param>
/// <param name="DocumentCount">Documents currently in the topic.</param>
/// <param name="CreatedAt">When the topic was created (UTC).</param>
public sealed record Topic(long Id, string Name, TopicKind Kind, int DocumentCount, DateTimeOffset CreatedAt);

/// <summary>A saved query, remembering when it was last opened.</summary>
/// <param name="Id">Saved search id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Query">The query text.</param>
/// <param name="LastOpenedAt">When it was last opened (UTC).</param>
/// <param name="LastSeenDocumentId">The highest document id in the library when it was last opened: documents with a
/// larger id are "new since last opened".</param>
public sealed record SavedSearch(long Id, string Name, string Query, DateTimeOffset LastOpenedAt, long LastSeenDocumentId);

/// <summary>Count of documents per review status.</summary>
public sealed record StatusCounts(int New, int Reviewing, int Done, int Archived)
{
    /// <summary>The count for one status.</summary>
    public int this[ReviewStatus status] => status switch
    {
        ReviewStatus.Reviewing => Reviewing,
        ReviewStatus.Done => Done,
        ReviewStatus.Archived => Archived,
        _ => New,
    };

    /// <summary>All documents counted.</summary>
    public int Total => New + Reviewing + Done + Archived;
}
