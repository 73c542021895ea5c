namespace CgtAtlas.Storage;

/// <summary>What a document says of its own origin: when it was published and whether it names a source or a URL.</summary>
/// <param name="Published">Publication date, when known.</param>
/// <param name="NamesOrigin">Whether it carries a source or a URL.</param>
public sealed record DocumentProvenance(DateOnly? Published, bool NamesOrigin)
{
    /// <summary>
    /// Whether this copy of a syndicated story is more likely the original than <paramref name="other"/>: published
    /// earlier; or, when the dates do not decide, it names its origin and the other does not. Reprints usually come
    /// days later and without the publisher's URL, so the first copy ingested is not necessarily the original.
    /// </summary>
    public bool IsMoreOriginalThan(DocumentProvenance other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Published is { } mine && other.Published is { } theirs && mine != theirs)
        {
            return mine < theirs;
        }

        return NamesOrigin && !other.NamesOrigin;
    }
}
