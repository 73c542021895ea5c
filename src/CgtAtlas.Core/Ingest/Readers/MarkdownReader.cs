using System.Text;
using CgtAtlas.Documents;
using CgtAtlas.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CgtAtlas.Ingest.Readers;

/// <summary>
/// Markdown with optional YAML front matter (<c>title, date, source, url, collections</c>). Markdig gives the
/// blocks: headings, paragraphs and list items are paragraphs; each table row becomes one paragraph with its cells
/// joined by " | " so figures in tables stay citable.
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseYamlFrontMatter().Build();

    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Read(byte[] bytes, string path)
    {
        var decoded = TextDecoder.Decode(bytes);
        TextDecoder.EnsurePrintable(decoded.Text);
        var (frontMatter, body) = SplitFrontMatter(decoded.Text);
        var meta = ParseFrontMatter(frontMatter);

        var document = Markdown.Parse(body, s_pipeline);
        var paragraphs = new ParagraphBuilder();
        string? firstHeading = null;
        foreach (var block in document.Descendants())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var headingText = InlineText(heading.Inline);
                    if (heading.Level == 1 && firstHeading is null)
                    {
                        firstHeading = headingText;
                        if (meta.Title is null)
                        {
                            continue;
                        }
                    }

                    paragraphs.Add(headingText);
                    break;
                case ParagraphBlock paragraph when paragraph.Parent is not TableCell:
                    paragraphs.Add(InlineText(paragraph.Inline));
                    break;
                case TableRow row:
                    paragraphs.Add(string.Join(" | ", row.OfType<TableCell>().Select(CellText)));
                    break;
            }
        }

        var built = paragraphs.Build();
        if (built.Count == 0)
        {
            throw new UnreadableDocumentException("no text (the Markdown body is empty)");
        }

        var title = meta.Title ?? firstHeading ?? PlainTextReader.TitleFromText(built[0].Text);
        return
        [
            new DocumentContent
            {
                Title = TextNormalizer.Normalize(title),
                Paragraphs = built,
                Source = meta.Source,
                Url = meta.Url,
                Published = meta.Date ?? DateParsing.FindInText(string.Join('\n', built.Take(3).Select(p => p.Text))),
                OriginPath = path,
                Format = Format,
                Encoding = decoded.EncodingName,
                Collections = meta.Collections,
            },
        ];
    }

    private static string CellText(TableCell cell) =>
        string.Join(' ', cell.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline)));

    /// <summary>The visible text of inline content (link text, code spans; raw HTML dropped).</summary>
    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var node in inline.Descendants())
        {
            switch (node)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append('\n');
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
            }
        }

        return builder.ToString();
    }

    private static (string? FrontMatter, string Body) SplitFrontMatter(string text)
    {
        var trimmed = text.TrimStart('\uFEFF');
        if (!trimmed.StartsWith("---", StringComparison.Ordinal))
        {
            return (null, trimmed);
        }

        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        if (firstLineEnd < 0 || trimmed[..firstLineEnd].Trim() != "---")
        {
            return (null, trimmed);
        }

        var close = trimmed.IndexOf("\n---", firstLineEnd, StringComparison.Ordinal);
        if (close < 0)
        {
            return (null, trimmed);
        }

        var afterClose = trimmed.IndexOf('\n', close + 4);
        var body = afterClose < 0 ? string.Empty : trimmed[(afterClose + 1)..];
        return (trimmed[(firstLineEnd + 1)..close], body);
    }

    private sealed record FrontMatter(string? Title, string? Source, string? Url, DateOnly? Date, IReadOnlyList<string> Collections);

    private static FrontMatter ParseFrontMatter(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return new FrontMatter(null, null, null, null, []);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new UnreadableDocumentException($"invalid YAML front matter at line {ex.Start.Line}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            return new FrontMatter(null, null, null, null, []);
        }

        string? Scalar(string key) =>
            map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && string.Equals(k.Value, key, StringComparison.OrdinalIgnoreCase)).Value
                is YamlScalarNode { Value: { Length: > 0 } v } ? v.Trim() : null;

        var collections = new List<string>();
        foreach (var key in new[] { "collections", "collection", "topics" })
        {
            var node = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && string.Equals(k.Value, key, StringComparison.OrdinalIgnoreCase)).Value;
            if (node is YamlSequenceNode sequence)
            {
                collections.AddRange(sequence.OfType<YamlScalarNode>().Select(s => s.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
            }
            else if (node is YamlScalarNode { Value: { Length: > 0 } single } && key is "collections" or "collection")
            {
                collections.AddRange(single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return new FrontMatter(
            Scalar("title"),
            Scalar("source") ?? Scalar("publisher"),
            Scalar("url") ?? Scalar("link"),
            DateParsing.Parse(Scalar("date") ?? Scalar("published")),
            collections.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList());
    }
}
