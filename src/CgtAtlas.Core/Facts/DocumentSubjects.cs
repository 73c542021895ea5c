using CgtAtlas.Documents;

namespace CgtAtlas.Facts;

/// <summary>What a subject names: a therapy modality or a regulator.</summary>
public enum SubjectKind
{
    /// <summary>A modality (CAR-T, gene therapy …), canonical names of <see cref="DocumentSubjects.Modalities"/>.</summary>
    Modality = 0,

    /// <summary>An agency (NMPA, FDA …), canonical codes of <see cref="DocumentSubjects.Agencies"/>.</summary>
    Agency = 1,
}

/// <summary>A modality or agency a document is about.</summary>
/// <param name="Kind">Modality or agency.</param>
/// <param name="Value">Canonical name.</param>
/// <param name="Mentions">Mentions in title and body together.</param>
public sealed record DocumentSubject(SubjectKind Kind, string Value, int Mentions);

/// <summary>
/// The modalities and agencies a document is about, for the search facets. Mentions are found with the same term
/// dictionaries the fact extractor uses (<see cref="ModalityResolver"/>, <see cref="AgencyResolver"/>), so a facet and
/// a fact never disagree on what "CAR-T细胞治疗" or "国家药监局" means.
/// </summary>
/// <remarks>
/// "Mentioned enough to count": named in the title, or at least <see cref="MinBodyMentions"/> times in the body. One
/// passing mention in a long article ("unlike CAR-T, …") does not make it a CAR-T document. A regulator is rarely named
/// in passing, and approval news names it once, in the lead ("国家药监局批准…"): an agency also counts when the first
/// paragraph names it.
/// </remarks>
public static class DocumentSubjects
{
    /// <summary>Bumped when the rule or the dictionaries change, so stored subjects are recomputed.</summary>
    public const int Version = 2;

    /// <summary>Body mentions needed when the title does not name the subject.</summary>
    public const int MinBodyMentions = 2;

    /// <summary>The modality values a facet can take.</summary>
    public static IReadOnlyList<string> Modalities { get; } = ModalityResolver.Specificity;

    /// <summary>The agency values a facet can take.</summary>
    public static IReadOnlyList<string> Agencies { get; } = ["NMPA", "CDE", "NHSA", "NHC", "FDA", "EMA", "PMDA"];

    /// <summary>The subjects of one document that pass the counting rule, most mentioned first.</summary>
    public static IReadOnlyList<DocumentSubject> Find(string title, IEnumerable<Paragraph> paragraphs) =>
        Find(title, paragraphs, s_modalities.Value, s_agencies.Value);

    /// <summary>As <see cref="Find(string, IEnumerable{Paragraph})"/> with other copies of the two dictionaries (the
    /// tests pass the plain ones, to check that the compiled, screened copies find the same subjects).</summary>
    internal static IReadOnlyList<DocumentSubject> Find(string title, IEnumerable<Paragraph> paragraphs, TermDictionary modalities,
        TermDictionary agencies)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var body = paragraphs as IReadOnlyList<Paragraph> ?? paragraphs.ToList();
        var inTitle = Scan(title, modalities, agencies).ToHashSet();
        var agenciesInLead = body.Count > 0
            ? agencies.FindAll(body[0].Text).Select(m => (SubjectKind.Agency, m.Value)).ToHashSet()
            : [];

        // One scan over the whole body: a scan has a fixed cost per call that, paid per paragraph, was most of the
        // time. The blank line between paragraphs keeps a mention from merging across them.
        var mentions = new Dictionary<(SubjectKind, string), int>();
        foreach (var key in Scan(string.Join("\n\n", body.Select(p => p.Text)), modalities, agencies))
        {
            mentions[key] = mentions.GetValueOrDefault(key) + 1;
        }

        return inTitle.Union(mentions.Keys)
            .Select(key => (Key: key, Body: mentions.GetValueOrDefault(key), Title: inTitle.Contains(key)))
            .Where(s => s.Title || s.Body >= MinBodyMentions || agenciesInLead.Contains(s.Key))
            .Select(s => new DocumentSubject(s.Key.Item1, s.Key.Item2, s.Body + (s.Title ? 1 : 0)))
            .OrderBy(s => s.Kind).ThenByDescending(s => s.Mentions).ThenBy(s => s.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The canonical value a user's word names (<c>car-t</c>, <c>溶瘤病毒</c>, <c>国家药监局</c>), or null when it names
    /// none, or more than one thing.
    /// </summary>
    public static string? Normalize(SubjectKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var values = kind == SubjectKind.Modality ? Modalities : Agencies;
        if (values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return exact;
        }

        var mentions = (kind == SubjectKind.Modality ? ModalityResolver.FindAll(text) : AgencyResolver.Agencies.FindAll(text));
        return mentions is [var only] && only.Start == 0 && only.End == text.Length ? only.Value : null;
    }

    // Compiled, screened copies: ingest scans every document with them.
    private static readonly Lazy<TermDictionary> s_modalities = new(() => ModalityResolver.Terms.Compiled());
    private static readonly Lazy<TermDictionary> s_agencies = new(() => AgencyResolver.Agencies.Compiled());

    private static IEnumerable<(SubjectKind, string)> Scan(string text, TermDictionary modalities, TermDictionary agencies) =>
        ModalityResolver.FindAll(text, modalities).Select(m => (SubjectKind.Modality, m.Value))
            .Concat(agencies.FindAll(text).Select(m => (SubjectKind.Agency, m.Value)));
}
