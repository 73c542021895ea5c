namespace CgtAtlas.Storage;

/// <summary>
/// A write transaction over many documents. Each <see cref="Add"/> is all-or-nothing on its own (a failed document
/// leaves no rows), and nothing is visible to other readers until <see cref="Commit"/>; disposing without committing
/// rolls the whole batch back, so a crash never leaves a half-written document.
/// </summary>
public interface IDocumentBatch : IDisposable
{
    /// <summary>The id of a stored document with this content hash (including ones added in this batch).</summary>
    long? FindByContentHash(string contentHash);

    /// <summary>Stores one document with its paragraphs and index row; returns its id.</summary>
    long Add(NewDocument document);

    /// <summary>Adds an existing document to collections (idempotent).</summary>
    void AddToCollections(long documentId, IReadOnlyList<string> collections);

    /// <summary>What a stored document says of its origin (for choosing the original among syndicated copies).</summary>
    DocumentProvenance GetProvenance(long documentId);

    /// <summary>
    /// Makes <paramref name="newCanonical"/> the first copy of the near-duplicate group <paramref name="oldCanonical"/>
    /// headed: the old head and every copy linked to it now point to the new one.
    /// </summary>
    void Relink(long oldCanonical, long newCanonical);

    /// <summary>Makes the batch durable.</summary>
    void Commit();
}
