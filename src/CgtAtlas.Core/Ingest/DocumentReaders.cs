using CgtAtlas.Ingest.Readers;

namespace CgtAtlas.Ingest;

/// <summary>The registry of readers by file extension.</summary>
public sealed class DocumentReaders
{
    private readonly Dictionary<string, IDocumentReader> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the registry with the given readers.</summary>
    public DocumentReaders(IEnumerable<IDocumentReader> readers)
    {
        foreach (var reader in readers)
        {
            foreach (var extension in reader.Extensions)
            {
                _byExtension[extension] = reader;
            }
        }
    }

    /// <summary>Readers for txt, Markdown, HTML, PDF and RSS/Atom.</summary>
    public static DocumentReaders Default { get; } =
        new([new PlainTextReader(), new MarkdownReader(), new HtmlReader(), new PdfReader(), new FeedReader()]);

    /// <summary>The supported extensions, for messages.</summary>
    public string SupportedList => string.Join(", ", _byExtension.Keys.Order(StringComparer.Ordinal));

    /// <summary>The reader for a path's extension, or null.</summary>
    public IDocumentReader? For(string path) => _byExtension.GetValueOrDefault(Path.GetExtension(path));
}
