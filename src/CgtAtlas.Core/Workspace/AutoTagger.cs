using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Knowledge;
using CgtAtlas.Text;

namespace CgtAtlas.Workspace;

/// <summary>
/// Typed tags from the knowledge base: the products and companies <see cref="EntityLinker"/> finds in a document become
/// product and company tags named by the knowledge base's display name ("axicabtagene ciloleucel / 阿基仑赛注射液"), so
/// the same product written as Yescarta, 奕凯达 or 阿基仑赛 gathers under one tag and one topic page.
/// </summary>
/// <remarks>
/// The counting rule is the facets' (<see cref="DocumentSubjects"/>): named in the title, or at least
/// <see cref="DocumentSubjects.MinBodyMentions"/> times in the body. A roundup that lists twenty products once each
/// does not get twenty tags. Regulators are facets (agency), not tags.
/// </remarks>
public sealed class AutoTagger
{
    private readonly KnowledgeBase _kb;
    private readonly EntityLinker _linker;

    /// <summary>Creates a tagger over <paramref name="kb"/>.</summary>
    public AutoTagger(KnowledgeBase kb, ChineseSegmenter? segmenter = null)
    {
        _kb = kb;
        _linker = new EntityLinker(kb, segmenter);
    }

    /// <summary>
    /// A tagger over <see cref="KnowledgeBase.Default"/>, or null when the knowledge base cannot be loaded (then
    /// documents are simply stored untagged; the reason is in <paramref name="problem"/>).
    /// </summary>
    public static AutoTagger? TryDefault(out string? problem)
    {
        try
        {
            problem = null;
            return new AutoTagger(KnowledgeBase.Default, TextServices.Default.Segmenter);
        }
        catch (Exception ex) when (ex is KnowledgeDataException or DirectoryNotFoundException or FileNotFoundException)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>The tags a document should carry (products first).</summary>
    public IReadOnlyList<(string Name, TagType Type)> Suggest(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Suggest(document.Title, document.Paragraphs);
    }

    /// <summary>The tags a document with this title and these paragraphs should carry (products first).</summary>
    public IReadOnlyList<(string Name, TagType Type)> Suggest(string title, IReadOnlyList<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var inTitle = _linker.Link(title).Select(m => (m.Type, m.Id)).ToHashSet();
        var body = _linker.Link(paragraphs).ToDictionary(m => (m.Type, m.Id), m => m.Mentions);
        return inTitle.Union(body.Keys)
            .Where(e => e.Type is EntityType.Product or EntityType.Company)
            .Where(e => inTitle.Contains(e) || body.GetValueOrDefault(e) >= DocumentSubjects.MinBodyMentions)
            .OrderBy(e => e.Type)
            .Select(e => (_kb.DisplayName(new EntityRef(e.Type, e.Id)), e.Type == EntityType.Product ? TagType.Product : TagType.Company))
            .Distinct()
            .ToList();
    }

    /// <summary>Tags each document in <paramref name="documentIds"/>; returns the tags added per document (none for unknown ids).</summary>
    /// <remarks>
    /// Writes a few hundred documents per transaction (one commit per document was most of tagging a large ingest). The
    /// segmenter, shared by the parallel scans, serialises its own cuts.
    /// </remarks>
    public IReadOnlyDictionary<long, IReadOnlyList<Tag>> Apply(Library library, IWorkspaceStore workspace, IEnumerable<long> documentIds)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(documentIds);
        // Reading uses the library's one connection; finding names is pure CPU and runs on every core.
        var suggestions = documentIds.Distinct().Chunk(WriteBatch).SelectMany(chunk => chunk
            .Select(library.GetDocument).OfType<StoredDocument>().ToList()
            .AsParallel().AsOrdered()
            .Select(d => (d.Id, Suggest(d)))
            .ToList());
        return Write(workspace, suggestions);
    }

    /// <summary>
    /// Starts finding the tags of documents as an ingest stores them, on a thread of its own, from the text the ingest
    /// read (no read-back); <see cref="TaggingAlongside.Finish"/> writes them.
    /// </summary>
    public TaggingAlongside StartAlongside() => new(this);

    /// <summary>Writes suggested tags a few hundred documents per transaction.</summary>
    internal static IReadOnlyDictionary<long, IReadOnlyList<Tag>> Write(IWorkspaceStore workspace,
        IEnumerable<(long DocumentId, IReadOnlyList<(string Name, TagType Type)> Tags)> suggestions)
    {
        var added = new Dictionary<long, IReadOnlyList<Tag>>();
        foreach (var chunk in suggestions.Chunk(WriteBatch))
        {
            foreach (var (id, tags) in workspace.AddAutomaticTagsToMany(chunk))
            {
                added[id] = tags;
            }
        }

        return added;
    }

    private const int WriteBatch = 500;
}
