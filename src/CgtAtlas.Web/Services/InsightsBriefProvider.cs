using System.Collections.Concurrent;
using CgtAtlas.Documents;
using CgtAtlas.Insights;

namespace CgtAtlas.Web.Services;

/// <summary>
/// The Core Insights brief from <see cref="BriefComposer"/>, mapped to the page's shape. Briefs are kept in memory per
/// document, content hash and composer version, so a page view recomposes only when the document or the rules change.
/// </summary>
public sealed class InsightsBriefProvider : IBriefProvider
{
    private const int MaxCached = 2000;

    private readonly BriefComposer _composer = new();
    private readonly ConcurrentDictionary<(long Id, string Hash, int Version, string Language), DocumentBrief> _cache = new();

    /// <inheritdoc />
    public DocumentBrief GetBrief(StoredDocument document, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(document);
        var key = (document.Id, document.ContentHash, BriefComposer.Version, BriefComposer.NormalizeLanguage(language));
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var brief = _composer.Compose(document, key.Item4);
        var core = brief.Sections.FirstOrDefault(s => s.Key == BriefSections.CoreInsights);
        var summary = core is null || core.Bullets.Count == 0
            ? null
            : new BriefBullet(string.Join(" ", core.Bullets.Select(b => b.MarkedText)), core.Bullets.SelectMany(b => b.Citations).Distinct().Order().ToList());
        var sections = brief.Sections
            .Where(s => s.Key != BriefSections.CoreInsights)
            .Select(s => new BriefSection(s.Title, s.Bullets.Select(b => new BriefBullet(b.MarkedText, b.Citations)).ToList()))
            .ToList();
        var result = new DocumentBrief(true, brief.Note, summary, sections);
        if (_cache.Count > MaxCached)
        {
            _cache.Clear();
        }

        _cache[key] = result;
        return result;
    }
}
