using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Ingest.Readers;

/// <summary>Plain text: the first line is the title when it is short; paragraphs are blank-line separated (or one per line).</summary>
public sealed class PlainTextReader : IDocumentReader
{
    /// <inheritdoc />
    public string Format => "txt";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".txt", ".text"];

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Read(byte[] bytes, string path)
    {
        var decoded = TextDecoder.Decode(bytes);
        TextDecoder.EnsurePrintable(decoded.Text);
        var blocks = ParagraphBuilder.SplitBlocks(decoded.Text).ToList();
        if (blocks.Count == 0)
        {
            throw new UnreadableDocumentException("no text (the file is empty or whitespace only)");
        }

        var title = TextNormalizer.Normalize(blocks[0]);
        var body = blocks;
        if (title.Length <= 120 && blocks.Count > 1 && !title.Contains('\n', StringComparison.Ordinal))
        {
            body = blocks.Skip(1).ToList();
        }
        else
        {
            title = TitleFromText(title);
        }

        var paragraphs = new ParagraphBuilder();
        foreach (var block in body)
        {
            paragraphs.Add(block);
        }

        var built = paragraphs.Build();
        if (built.Count == 0)
        {
            throw new UnreadableDocumentException("no paragraphs of text after the title");
        }

        return
        [
            new DocumentContent
            {
                Title = title,
                Paragraphs = built,
                Published = DateParsing.FindInText(string.Join('\n', built.Take(3).Select(p => p.Text))),
                OriginPath = path,
                Format = Format,
                Encoding = decoded.EncodingName,
            },
        ];
    }

    /// <summary>A title from the start of a long first block: up to the first sentence end, at most 80 characters.</summary>
    public static string TitleFromText(string text)
    {
        var end = text.IndexOfAny(['。', '.', '!', '?', '！', '？', '\n']);
        var candidate = end is > 0 and <= 80 ? text[..end] : text[..Math.Min(80, text.Length)];
        return candidate.Trim();
    }
}
