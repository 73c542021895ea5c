using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Ingest.Readers;

/// <summary>
/// RSS 2.0 and Atom 1.0 feed files (System.ServiceModel.Syndication): each item becomes one document, with its
/// title, link and date; item HTML goes through the same block extraction as pages. DTDs are refused, so entity
/// expansion attacks cannot blow up memory.
/// </summary>
public sealed class FeedReader : IDocumentReader
{
    /// <inheritdoc />
    public string Format => "feed";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".rss", ".atom", ".xml"];

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Read(byte[] bytes, string path)
    {
        if (bytes.Length == 0)
        {
            throw new UnreadableDocumentException("empty file");
        }

        SyndicationFeed feed;
        string format;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                IgnoreComments = true,
            };
            using var xml = XmlReader.Create(stream, settings);
            xml.MoveToContent();
            format = xml.LocalName switch
            {
                "rss" => "rss",
                "feed" => "atom",
                _ => throw new UnreadableDocumentException($"XML root element <{xml.LocalName}> is not an RSS or Atom feed"),
            };
            feed = SyndicationFeed.Load(xml);
        }
        catch (XmlException ex)
        {
            throw new UnreadableDocumentException($"invalid feed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message.Split('\n')[0]}", ex);
        }

        var documents = new List<DocumentContent>();
        var index = 0;
        foreach (var item in feed.Items)
        {
            index++;
            var html = (item.Content as TextSyndicationContent)?.Text ?? item.Summary?.Text ?? string.Empty;
            var paragraphs = new ParagraphBuilder();
            foreach (var block in BlocksOf(html))
            {
                paragraphs.Add(block);
            }

            var built = paragraphs.Build();
            var title = TextNormalizer.Normalize(item.Title?.Text ?? string.Empty);
            if (built.Count == 0 && title.Length == 0)
            {
                continue;
            }

            if (built.Count == 0)
            {
                built = [new Paragraph(1, title, LanguageDetector.Detect(title))];
            }

            var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
            documents.Add(new DocumentContent
            {
                Title = title.Length > 0 ? title : PlainTextReader.TitleFromText(built[0].Text),
                Paragraphs = built,
                Source = feed.Title?.Text is { Length: > 0 } feedTitle ? TextNormalizer.Normalize(feedTitle) : null,
                Url = item.Links.FirstOrDefault()?.Uri?.ToString(),
                Published = date != default ? DateOnly.FromDateTime(date.Date) : null,
                OriginPath = $"{path}#{index}",
                Format = format,
            });
        }

        if (documents.Count == 0)
        {
            throw new UnreadableDocumentException("the feed has no items with text");
        }

        return documents;
    }

    private static IEnumerable<string> BlocksOf(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return [];
        }

        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return ParagraphBuilder.SplitBlocks(html);
        }

        var document = new HtmlParser().ParseDocument(html);
        if (document.Body is null || HtmlBlockExtractor.MaxElementDepth(document.Body) > HtmlBlockExtractor.MaxDepth)
        {
            throw new UnreadableDocumentException($"feed item HTML nested more than {HtmlBlockExtractor.MaxDepth} levels deep");
        }

        return HtmlBlockExtractor.Blocks(document.Body).ToList();
    }
}
