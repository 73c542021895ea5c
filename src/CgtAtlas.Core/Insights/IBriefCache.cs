namespace CgtAtlas.Insights;

/// <summary>Identifies one computed brief: it is valid only for this content, these rule versions and this language.</summary>
/// <param name="DocumentId">The document id.</param>
/// <param name="ContentHash">The document's content hash (changes when its text changes).</param>
/// <param name="ExtractorVersion"><see cref="Facts.FactExtractor.Version"/>.</param>
/// <param name="ComposerVersion"><see cref="BriefComposer.Version"/>.</param>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
public sealed record BriefCacheKey(long DocumentId, string ContentHash, int ExtractorVersion, int ComposerVersion, string Language);

/// <summary>Where composed briefs are kept between runs. Implementations must be safe to call from one thread at a time.</summary>
public interface IBriefCache
{
    /// <summary>The cached brief for exactly this key, or null.</summary>
    Brief? TryGet(BriefCacheKey key);

    /// <summary>Stores a brief, replacing any older brief of the same document and language.</summary>
    void Put(BriefCacheKey key, Brief brief);
}
