using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Text;

namespace CgtAtlas.Ingest;

/// <summary>
/// One input after the CPU-bound steps (read, decode, hash, analyse, fingerprint), made on the reading thread and handed
/// to the writing thread. Either failed with a reason or carries the documents the file held.
/// </summary>
internal sealed record PreparedInput(string Path, long Bytes, FailedInput? Failure, IReadOnlyList<PreparedDocument> Documents);

/// <summary>A document with everything the store needs that does not depend on what is already stored.</summary>
internal sealed record PreparedDocument(DocumentContent Content, string ContentHash, Language Language, ulong? SimHash, string IndexTitle,
    string IndexBody, IReadOnlyList<DocumentSubject> Subjects, object? StorePrepared);

/// <summary>
/// Turns documents into <see cref="PreparedDocument"/>s. Holds one token list and one text builder that every document
/// reuses: sizing fresh ones per document put ~100 KB on the large-object heap each time and forced frequent gen-2 GCs.
/// Not thread-safe; one per reading thread.
/// </summary>
internal sealed class DocumentPreparer(TextAnalyzer analyzer, Func<DocumentContent, string, string, object?> prepareWrite)
{
    private readonly List<Token> _bodyTokens = new(4096);
    private readonly System.Text.StringBuilder _indexBody = new(16384);

    public PreparedDocument Prepare(DocumentContent content)
    {
        analyzer.AnalyzeInto(content.Paragraphs.Select(p => p.Text), _bodyTokens, _indexBody);
        var indexTitle = analyzer.ToIndexText(content.Title);
        var indexBody = _indexBody.ToString();
        var prepared = new PreparedDocument(content, ContentHash.Compute(content.Title, content.Paragraphs),
            CountedParagraphs.LanguageOf(content.Paragraphs), SimHash.Compute(_bodyTokens), indexTitle, indexBody,
            DocumentSubjects.Find(content.Title, content.Paragraphs), prepareWrite(content, indexTitle, indexBody));
        // Empty the buffers for the next document, and keep a very long one from pinning their peak size for the rest of the run.
        _bodyTokens.Clear();
        _indexBody.Clear();
        if (_bodyTokens.Capacity > 1 << 16)
        {
            _bodyTokens.Capacity = 4096;
        }

        if (_indexBody.Capacity > 1 << 20)
        {
            _indexBody.Capacity = 16384;
        }

        return prepared;
    }
}
