using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Ingest.Readers;

/// <summary>
/// HTML pages: the charset from the BOM, the meta declaration or detection; the main content from SmartReader
/// (Readability), falling back to the page's article/main element when SmartReader finds nothing; navigation, ads,
/// related-article lists, footers and scripts dropped. Title and publish date come from the page's metadata.
/// </summary>
public sealed partial class HtmlReader : IDocumentReader
{
    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".xhtml"];

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Read(byte[] bytes, string path)
    {
        var decoded = TextDecoder.Decode(bytes, SniffCharset(bytes));
        var html = decoded.Text;
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var document = parser.ParseDocument(html);
        if (document.DocumentElement is null || HtmlBlockExtractor.MaxElementDepth(document.DocumentElement) > HtmlBlockExtractor.MaxDepth)
        {
            throw new UnreadableDocumentException($"HTML nested more than {HtmlBlockExtractor.MaxDepth} levels deep; refusing to process it");
        }

        var title = PageTitle(document);
        var blocks = MainContentBlocks(document, html, path);
        var paragraphs = new ParagraphBuilder();
        var first = true;
        foreach (var block in blocks)
        {
            // The article's own <h1> repeats the title; it is not a citation unit.
            if (first && title is not null && string.Equals(TextNormalizer.Normalize(block), title, StringComparison.Ordinal))
            {
                first = false;
                continue;
            }

            first = false;
            paragraphs.Add(block);
        }

        var built = paragraphs.Build();
        if (built.Count == 0)
        {
            throw new UnreadableDocumentException("no readable text in the HTML page");
        }

        return
        [
            new DocumentContent
            {
                Title = title ?? PlainTextReader.TitleFromText(built[0].Text),
                Paragraphs = built,
                Source = Meta(document, "og:site_name", "application-name", "author"),
                Url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url"),
                Published = PublishDate(document, built),
                OriginPath = path,
                Format = Format,
                Encoding = decoded.EncodingName,
            },
        ];
    }

    /// <summary>Blocks of the main content: SmartReader's article when it finds one, else the page minus boilerplate.</summary>
    public static IEnumerable<string> MainContentBlocks(IDocument document, string html, string path)
    {
        string? articleHtml = null;
        try
        {
            var article = new SmartReader.Reader("file:///" + Uri.EscapeDataString(Path.GetFileName(path)), html).GetArticle();
            if (article.IsReadable && !string.IsNullOrWhiteSpace(article.Content))
            {
                articleHtml = article.Content;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // SmartReader is a heuristic; when it fails the structural fallback below still finds the text.
            articleHtml = null;
        }

        if (articleHtml is not null)
        {
            var articleDocument = new HtmlParser().ParseDocument(articleHtml);
            var blocks = articleDocument.Body is null ? [] : HtmlBlockExtractor.Blocks(articleDocument.Body).ToList();
            if (blocks.Sum(b => b.Length) > 40)
            {
                return blocks;
            }
        }

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.QuerySelector("[role=main]") ?? document.Body;
        return root is null ? [] : HtmlBlockExtractor.Blocks(root).ToList();
    }

    private static string? PageTitle(IDocument document)
    {
        var candidates = new[]
        {
            Meta(document, "og:title", "twitter:title"),
            document.QuerySelector("h1")?.TextContent,
            document.Title,
        };
        foreach (var candidate in candidates)
        {
            var normalised = candidate is null ? string.Empty : TextNormalizer.Normalize(candidate);
            if (normalised.Length > 0)
            {
                return normalised;
            }
        }

        return null;
    }

    private static DateOnly? PublishDate(IDocument document, IReadOnlyList<Paragraph> paragraphs)
    {
        var fromMeta = Meta(document, "article:published_time", "pubdate", "publishdate", "publish-date", "date", "dc.date", "DC.date.issued", "og:published_time");
        var fromTime = document.QuerySelector("time[datetime]")?.GetAttribute("datetime") ?? document.QuerySelector("time")?.TextContent;
        var fromJsonLd = JsonLdDate().Match(document.Source.Text) is { Success: true } m ? m.Groups[1].Value : null;
        return DateParsing.Parse(fromMeta) ?? DateParsing.Parse(fromTime) ?? DateParsing.Parse(fromJsonLd)
            ?? DateParsing.FindInText(string.Join('\n', paragraphs.Take(3).Select(p => p.Text)));
    }

    private static string? Meta(IDocument document, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var meta in document.QuerySelectorAll("meta"))
            {
                var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
                {
                    return content.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>Reads the charset an HTML page declares in its first 2 KB (meta charset or http-equiv).</summary>
    public static string? SniffCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var match = CharsetDeclaration().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();

    [GeneratedRegex(@"""datePublished""\s*:\s*""([^""]{6,40})""")]
    private static partial Regex JsonLdDate();
}
