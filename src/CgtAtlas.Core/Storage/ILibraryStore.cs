using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Search;

namespace CgtAtlas.Storage;

/// <summary>
/// Where documents, paragraphs and the full-text index live. The core depends only on this interface; SQLite
/// implements it today (PostgreSQL will sit beside it). Implementations compile <see cref="MatchExpression"/> to
/// their own syntax with every term quoted, so no user text is ever interpreted as query syntax.
/// </summary>
public interface ILibraryStore : IDisposable
{
    /// <summary>Counts and versions.</summary>
    LibraryStatistics GetStatistics();

    /// <summary>Every stored near-duplicate fingerprint with its document (canonical copy id resolved).</summary>
    IReadOnlyList<(long Id, ulong SimHash)> LoadSimHashes();

    /// <summary>Starts a write batch.</summary>
    IDocumentBatch BeginBatch();

    /// <summary>
    /// Called once when an ingest run has committed its last batch (not when it was cancelled), with the number of
    /// documents it stored: the store may tidy its index for searching. The default does nothing.
    /// </summary>
    void AfterIngest(int storedDocuments)
    {
    }

    /// <summary>
    /// The store's own work on a document that depends on nothing stored (e.g. encoding its paragraphs and index text
    /// into the stored form). Ingest calls it on its reading thread, ahead of the writes, and hands the result back in
    /// <see cref="NewDocument.Prepared"/>, so the writing thread — the longer of the two — does less. Must be thread-safe;
    /// null (the default) when the store has nothing to prepare.
    /// </summary>
    /// <param name="content">The document as read.</param>
    /// <param name="indexTitle">Its analysed title (<see cref="NewDocument.IndexTitle"/>).</param>
    /// <param name="indexBody">Its analysed body (<see cref="NewDocument.IndexBody"/>).</param>
    object? PrepareWrite(DocumentContent content, string indexTitle, string indexBody) => null;

    /// <summary>One document, optionally with paragraphs; null when the id does not exist.</summary>
    StoredDocument? GetDocument(long id, bool includeParagraphs = true);

    /// <summary>Paragraphs of several documents at once (for snippets).</summary>
    IReadOnlyDictionary<long, IReadOnlyList<Paragraph>> GetParagraphs(IReadOnlyCollection<long> ids);

    /// <summary>Ranks documents matching <paramref name="match"/> (all documents when null) and the filters.</summary>
    /// <param name="match">The expanded query, or null to list documents.</param>
    /// <param name="filters">Language, date, collection, source and subject filters.</param>
    /// <param name="sort">Relevance or newest first.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="offset">Hits to skip.</param>
    /// <param name="titleMatches">
    /// Whether a title shows the query (as its highlighted title does), used to put title matches first when a broad query
    /// is ranked by recency (<see cref="StoreSearchPage.RankedByRecency"/>); when null the store decides with its index.
    /// </param>
    StoreSearchPage Search(MatchExpression? match, SearchFilters filters, SearchSort sort, int limit, int offset, Func<string, bool>? titleMatches = null);

    /// <summary>The modalities and agencies of several documents (facet counts); documents without any are absent.</summary>
    IReadOnlyDictionary<long, IReadOnlyList<DocumentSubject>> GetSubjects(IReadOnlyCollection<long> ids);

    /// <summary>Checks storage integrity (database pages, index, and that every document has all its paragraphs);
    /// returns the problems found (empty when healthy).</summary>
    IReadOnlyList<string> CheckIntegrity();
}
