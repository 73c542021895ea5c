using System.Text;
using CgtAtlas.Documents;
using CgtAtlas.Ingest;
using CgtAtlas.Ingest.Readers;

namespace CgtAtlas.Core.Tests.Ingest;

public sealed class ReaderTests
{
    static ReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static DocumentContent ReadOne(IDocumentReader reader, byte[] bytes, string path = "input") => Assert.Single(reader.Read(bytes, path));

    [Fact]
    public void Gbk_html_with_boilerplate_keeps_only_the_article()
    {
        const string html = """
            <html><head><meta charset="gbk"><title>国家药监局批准溶瘤病毒新适应症 - 某医药网</title>
            <meta property="article:published_time" content="2025-04-10T08:00:00+08:00"></head>
            <body><nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
            <div class="ad">广告：买一送一</div>
            <article><h1>国家药监局批准溶瘤病毒新适应症</h1>
            <p>国家药品监督管理局近日批准一款溶瘤病毒产品的新适应症，用于晚期实体瘤患者的治疗，这是该类产品在国内获批的又一进展。</p>
            <p>业内人士认为，溶瘤病毒与免疫检查点抑制剂联合使用有望进一步提高疗效，相关临床试验正在多家医院开展。</p>
            <div class="related"><h3>相关阅读</h3><ul><li><a href="/1">CAR-T价格再创新低</a></li></ul></div></article>
            <footer>版权所有 © 某医药网</footer><script>alert('x')</script></body></html>
            """;
        var bytes = Encoding.GetEncoding("gb18030").GetBytes(html);
        var document = ReadOne(new HtmlReader(), bytes, "page.html");
        Assert.Equal("gb18030", document.Encoding);
        Assert.Equal(new DateOnly(2025, 4, 10), document.Published);
        Assert.Equal(2, document.Paragraphs.Count);
        Assert.StartsWith("国家药品监督管理局近日批准", document.Paragraphs[0].Text, StringComparison.Ordinal);
        var all = string.Join("\n", document.Paragraphs.Select(p => p.Text));
        Assert.DoesNotContain("广告", all, StringComparison.Ordinal);
        Assert.DoesNotContain("相关阅读", all, StringComparison.Ordinal);
        Assert.DoesNotContain("版权所有", all, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", all, StringComparison.Ordinal);
        Assert.Equal(Language.Zh, document.Paragraphs[0].Language);
    }

    [Fact]
    public void Markdown_front_matter_tables_and_lists_become_metadata_and_paragraphs()
    {
        const string md = """
            ---
            title: 中国CGT产品盘点
            date: 2025-09-16
            source: 测试来源
            url: https://example.org/a
            collections: [CGT产品]
            ---
            截至2025年9月，我国已有14款CGT产品获批上市。

            - 7款CAR-T
            - 3款小核酸

            | 产品 | 获批时间 |
            |---|---|
            | 阿基仑赛注射液 | 2021-06-22 |
            """;
        var document = ReadOne(new MarkdownReader(), Encoding.UTF8.GetBytes(md));
        Assert.Equal("中国CGT产品盘点", document.Title);
        Assert.Equal(new DateOnly(2025, 9, 16), document.Published);
        Assert.Equal("测试来源", document.Source);
        Assert.Equal(["CGT产品"], document.Collections);
        Assert.Equal(
            ["截至2025年9月,我国已有14款CGT产品获批上市。", "7款CAR-T", "3款小核酸", "产品 | 获批时间", "阿基仑赛注射液 | 2021-06-22"],
            document.Paragraphs.Select(p => p.Text));
        Assert.Equal([1, 2, 3, 4, 5], document.Paragraphs.Select(p => p.Number));
    }

    [Fact]
    public void Chinese_text_with_one_paragraph_per_line_is_split_by_line()
    {
        var text = "标题：CAR-T进展\n第一段，介绍背景。\n第二段，说明数据。\n第三段，展望未来。\n";
        var document = ReadOne(new PlainTextReader(), Encoding.UTF8.GetBytes(text));
        Assert.Equal("标题:CAR-T进展", document.Title);
        Assert.Equal(3, document.Paragraphs.Count);
    }

    [Fact]
    public void Table_rows_in_plain_text_stay_one_paragraph_each()
    {
        var text = "CAR-T价格\n\n国内两款产品的定价如下。\n\n产品 | 企业 | 价格\n阿基仑赛注射液 | 复星凯特 | 120万元\n瑞基奥仑赛注射液 | 药明巨诺 | 129万元\n";
        var document = ReadOne(new PlainTextReader(), Encoding.UTF8.GetBytes(text));
        Assert.Equal(["国内两款产品的定价如下。", "产品 | 企业 | 价格", "阿基仑赛注射液 | 复星凯特 | 120万元", "瑞基奥仑赛注射液 | 药明巨诺 | 129万元"],
            document.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Utf16_with_bom_and_big5_are_decoded()
    {
        var text = "Title\n\n細胞治療產品獲准上市，審評時間縮短。";
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        Assert.Contains("細胞治療", ReadOne(new PlainTextReader(), utf16).Paragraphs[0].Text, StringComparison.Ordinal);

        var big5 = Encoding.GetEncoding("big5").GetBytes("<html><head><meta charset=\"big5\"><title>測試</title></head><body><p>" +
            "細胞治療產品獲准上市，審評時間縮短，這是臺灣與大陸業界都關注的進展。</p></body></html>");
        var page = ReadOne(new HtmlReader(), big5, "big5.html");
        Assert.Equal("big5", page.Encoding);
        Assert.Contains("審評時間縮短", page.Paragraphs[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_width_digits_are_normalised()
    {
        var document = ReadOne(new PlainTextReader(), Encoding.UTF8.GetBytes("标题\n\n共有１４款产品，价格１２０万元。"));
        Assert.Equal("共有14款产品,价格120万元。", document.Paragraphs[0].Text);
    }

    [Fact]
    public void Rss_items_become_documents_with_item_paths()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>CGT快讯</title><link>https://example.org</link><description>d</description>
            <item><title>First item</title><link>https://example.org/1</link><pubDate>Thu, 10 Apr 2025 08:00:00 +0800</pubDate>
            <description>&lt;p&gt;The NMPA approved a gene therapy for haemophilia B.&lt;/p&gt;</description></item>
            <item><title>第二条</title><link>https://example.org/2</link><description>国家药监局发布征求意见稿。</description></item>
            </channel></rss>
            """;
        var documents = new FeedReader().Read(Encoding.UTF8.GetBytes(rss), "feed.rss");
        Assert.Equal(2, documents.Count);
        Assert.Equal("feed.rss#1", documents[0].OriginPath);
        Assert.Equal(new DateOnly(2025, 4, 10), documents[0].Published);
        Assert.Equal("The NMPA approved a gene therapy for haemophilia B.", documents[0].Paragraphs[0].Text);
        Assert.Equal("CGT快讯", documents[1].Source);
    }

    [Fact]
    public void Feed_with_a_dtd_is_refused() =>
        Assert.Throws<UnreadableDocumentException>(() => new FeedReader().Read(Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><rss version=\"2.0\"><channel><title>&b;</title></channel></rss>"),
            "bomb.rss"));

    [Fact]
    public void Hostile_html_yields_text_only()
    {
        const string html = """
            <html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; title</title></head><body>
            <p onclick="alert(2)">Real paragraph about <a href="javascript:alert(3)">CAR-T</a> approvals in China and the United States.</p>
            <img src=x onerror="alert(4)"><iframe src="https://evil.example"></iframe><script>alert(5)</script>
            </body></html>
            """;
        var document = ReadOne(new HtmlReader(), Encoding.UTF8.GetBytes(html), "hostile.html");
        var all = string.Join("\n", document.Paragraphs.Select(p => p.Text));
        Assert.Contains("Real paragraph about CAR-T approvals", all, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(5)", all, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_html_is_refused_without_stack_overflow()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20000)) + "<p>deep text</p>" + "</body></html>";
        var ex = Assert.Throws<UnreadableDocumentException>(() => new HtmlReader().Read(Encoding.UTF8.GetBytes(html), "deep.html"));
        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x80, 0x00 }, "binary")]
    [InlineData(new byte[] { 0xE4, 0xB8, 0xAD, 0xE6, 0x96, 0x87, 0xFF, 0xFE, 0xC0, 0x41, 0x42, 0x0A, 0x43 }, "invalid byte sequences")]
    public void Undecodable_bytes_are_refused_with_a_reason(byte[] bytes, string reason)
    {
        var ex = Assert.Throws<UnreadableDocumentException>(() => new PlainTextReader().Read(bytes, "bad.txt"));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_and_fake_pdfs_are_refused()
    {
        Assert.Throws<UnreadableDocumentException>(() => new PdfReader().Read(Encoding.ASCII.GetBytes("hello, not a pdf"), "x.pdf"));
        var truncated = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj << /Type /Pa");
        Assert.Throws<UnreadableDocumentException>(() => new PdfReader().Read(truncated, "t.pdf"));
    }

    [Fact]
    public void Whitespace_only_markdown_is_refused() =>
        Assert.Throws<UnreadableDocumentException>(() => new MarkdownReader().Read(Encoding.UTF8.GetBytes("   \n\n\t\n"), "w.md"));
}
