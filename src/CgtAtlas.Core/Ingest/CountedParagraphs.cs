using System.Collections;
using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Ingest;

/// <summary>
/// Paragraphs as <see cref="ParagraphBuilder"/> built them, with the script counts their languages were judged by:
/// the document's language is then had from <see cref="Scripts"/> instead of reading every paragraph a second time.
/// A reader that drops or renumbers paragraphs hands on another list, and the document language is counted afresh.
/// </summary>
internal sealed class CountedParagraphs(IReadOnlyList<Paragraph> paragraphs, ScriptCounts scripts) : IReadOnlyList<Paragraph>
{
    /// <summary>The script counts of all the paragraphs together.</summary>
    public ScriptCounts Scripts { get; } = scripts;

    public int Count => paragraphs.Count;

    public Paragraph this[int index] => paragraphs[index];

    public IEnumerator<Paragraph> GetEnumerator() => paragraphs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The language of a document with these paragraphs, counted once.</summary>
    public static Language LanguageOf(IReadOnlyList<Paragraph> paragraphs) =>
        paragraphs is CountedParagraphs counted ? counted.Scripts.Language : LanguageDetector.Detect(paragraphs.Select(p => p.Text));
}
