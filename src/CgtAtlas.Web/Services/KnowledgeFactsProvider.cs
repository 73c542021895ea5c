using System.Globalization;
using CgtAtlas.Analytics;
using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Knowledge;
using CgtAtlas.Text;

namespace CgtAtlas.Web.Services;

/// <summary>
/// Facts of a document from the fact extractor, each marked when the claim check finds that the knowledge base holds
/// a different number, and the products, companies and regulators it names.
/// </summary>
public sealed class KnowledgeFactsProvider : IFactsProvider
{
    private readonly FactExtractor _extractor = new();
    private readonly TextServices _text;

    /// <summary>Creates the provider over the shared text services.</summary>
    public KnowledgeFactsProvider(TextServices text) => _text = text;

    /// <inheritdoc />
    public DocumentFacts GetFacts(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        KnowledgeBase kb;
        try
        {
            kb = KnowledgeBase.Default;
        }
        catch (Exception ex) when (ex is KnowledgeDataException or DirectoryNotFoundException)
        {
            return new DocumentFacts(false, "knowledge base not available: " + ex.Message, [], []);
        }

        var facts = _extractor.Extract(document.Paragraphs, document.Published);
        var claims = FactClaims.From(facts, (sentence, modality) =>
            (_text.Glossary.Find(modality, _text.Analyzer)?.Aliases ?? [modality]).Any(a => sentence.Contains(a, StringComparison.OrdinalIgnoreCase)));
        var verdicts = new ClaimChecker(kb, new TrialClassifier(_text, kb)).Check(claims, document.Published);
        var disagreeing = verdicts.Where(v => v.Verdict == "disagrees")
            .Select(v => (v.Paragraph, v.Evidence))
            .ToHashSet();

        var items = facts.Where(f => f.Value is not null || f.Product is not null).Select(f => new FactItem(
            FactText.Describe(f, zh: false),
            FactText.Describe(f, zh: true),
            f.Kind,
            f.Paragraph,
            disagreeing.Contains((f.Paragraph, f.Evidence)) && verdicts.Any(v => v.Verdict == "disagrees" && v.Paragraph == f.Paragraph
                && v.Evidence == f.Evidence && v.Claimed.StartsWith(Number(f.Value), StringComparison.Ordinal)))).ToList();
        var entities = new EntityLinker(kb, _text.Segmenter).Link(document.Paragraphs)
            .Select(m => new EntityItem(m.Name, m.Type.ToString().ToLowerInvariant()))
            .ToList();
        return new DocumentFacts(true, null, items, entities);
    }

    private static string Number(double? value) =>
        value is null ? string.Empty : value.Value.ToString("#,0.##", CultureInfo.InvariantCulture).Replace(",", string.Empty, StringComparison.Ordinal);
}
