using CgtAtlas.Documents;

namespace CgtAtlas.Ingest;

/// <summary>Reads one input format into documents (a feed yields one document per item).</summary>
public interface IDocumentReader
{
    /// <summary>Short format name stored with each document (txt, md, html, pdf, rss, atom).</summary>
    string Format { get; }

    /// <summary>File extensions this reader accepts, with the dot, lower-case.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Reads <paramref name="bytes"/> from <paramref name="path"/>.</summary>
    /// <exception cref="UnreadableDocumentException">The input is not a readable document of this format.</exception>
    IReadOnlyList<DocumentContent> Read(byte[] bytes, string path);
}
