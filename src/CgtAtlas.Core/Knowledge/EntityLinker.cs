using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Knowledge;

/// <summary>An entity mentioned in a document.</summary>
/// <param name="Type">product, company or regulator.</param>
/// <param name="Id">product_key, company_key or regulator code.</param>
/// <param name="Name">Display name (English / Chinese).</param>
/// <param name="Paragraphs">Paragraph numbers where it is mentioned, ascending.</param>
/// <param name="Surfaces">The distinct forms it was written in.</param>
/// <param name="Records">Knowledge-base record ids: the product's approval rows, or the company/regulator key.</param>
/// <param name="Mentions">Number of mentions.</param>
public sealed record EntityMention(EntityType Type, string Id, string Name, IReadOnlyList<int> Paragraphs, IReadOnlyList<string> Surfaces,
    IReadOnlyList<string> Records, int Mentions);

/// <summary>Links the products, companies and regulators named in a document's paragraphs to knowledge-base records.</summary>
public sealed class EntityLinker
{
    private readonly KnowledgeBase _kb;
    private readonly ChineseSegmenter? _segmenter;

    /// <summary>Creates a linker over <paramref name="kb"/>; with a <paramref name="segmenter"/>, one- and two-character
    /// Chinese names must begin a word (强生 in 强生公司, not in 坚强生活).</summary>
    public EntityLinker(KnowledgeBase kb, ChineseSegmenter? segmenter = null)
    {
        _kb = kb;
        _segmenter = segmenter;
    }

    /// <summary>Every entity in the paragraphs, products first, then by first mention.</summary>
    public IReadOnlyList<EntityMention> Link(IEnumerable<Paragraph> paragraphs)
    {
        var found = new Dictionary<EntityRef, (SortedSet<int> Paragraphs, List<string> Surfaces, int Count, int Order)>();
        var order = 0;
        foreach (var paragraph in paragraphs)
        {
            foreach (var match in _kb.AliasIndex.Scan(paragraph.Text, _segmenter))
            {
                if (!found.TryGetValue(match.Entity, out var entry))
                {
                    entry = (new SortedSet<int>(), new List<string>(), 0, order++);
                }

                entry.Paragraphs.Add(paragraph.Number);
                if (!entry.Surfaces.Contains(match.Surface, StringComparer.OrdinalIgnoreCase))
                {
                    entry.Surfaces.Add(match.Surface);
                }

                found[match.Entity] = (entry.Paragraphs, entry.Surfaces, entry.Count + 1, entry.Order);
            }
        }

        return found
            .OrderBy(p => p.Key.Type).ThenBy(p => p.Value.Order)
            .Select(p => new EntityMention(p.Key.Type, p.Key.Id, _kb.DisplayName(p.Key), [.. p.Value.Paragraphs], p.Value.Surfaces,
                p.Key.Type == EntityType.Product ? _kb.ApprovalsOf(p.Key.Id).Select(a => a.Id).ToList() : [p.Key.Id], p.Value.Count))
            .ToList();
    }

    /// <summary>Links a plain text as paragraph 1 (for quick checks).</summary>
    public IReadOnlyList<EntityMention> Link(string text) => Link([new Paragraph(1, text, Language.Unknown)]);
}
