namespace CgtAtlas.Documents;

/// <summary>
/// One citation unit of a document: numbered from 1 in reading order. Citations <c>[n]</c> in briefs,
/// facts and claim checks all point at <see cref="Number"/>.
/// </summary>
/// <param name="Number">1-based position in reading order; stable across re-ingest of the same content.</param>
/// <param name="Text">The paragraph as normalised Unicode (NFKC), whitespace collapsed.</param>
/// <param name="Language">The paragraph's own language.</param>
public sealed record Paragraph(int Number, string Text, Language Language);
