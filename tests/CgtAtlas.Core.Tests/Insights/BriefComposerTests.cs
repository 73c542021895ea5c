using System.Text.Json;
using CgtAtlas.Documents;
using CgtAtlas.Insights;

namespace CgtAtlas.Core.Tests.Insights;

public sealed class BriefComposerTests
{
    private static readonly BriefComposer Composer = new();

    private static IReadOnlyList<Paragraph> Doc(params string[] texts) =>
        texts.Select((t, i) => new Paragraph(i + 1, t.Normalize(System.Text.NormalizationForm.FormKC), Language.Zh)).ToList();

    private static readonly IReadOnlyList<Paragraph> SeedLike = Doc(
        "在近日举行的第二届中国细胞与基因治疗大会上，与会专家表示，中国细胞与基因治疗产业正从“追随者”转变为“并行者”。",
        "全球CGT临床试验约2000项，中国占比超过一半。",
        "截至2025年9月，国家药监局已批准14款CGT产品。",
        "国家药监局推行创新药临床试验申请30个工作日审评审批，显著提升了审评效率。",
        "目前CAR-T产品价格普遍超过100万元，患者负担较重。",
        "业内预计，细胞治疗未来有望向实体瘤拓展，基因治疗成本有望下降。");

    [Fact]
    public void Seed_like_article_gives_sections_in_order_with_verified_citations()
    {
        foreach (var lang in new[] { "en", "zh" })
        {
            var brief = Composer.Compose("中国细胞与基因治疗加速突围", SeedLike, new DateOnly(2025, 9, 20), lang);
            Assert.Null(brief.Note);
            Assert.Equal(BriefSections.CoreInsights, brief.Sections[0].Key);
            Assert.InRange(brief.Sections[0].Bullets.Count, 1, 2);
            var order = brief.Sections.Select(s => SectionClassifier.Index(s.Key)).ToList();
            Assert.Equal(order.Order().ToList(), order);
            Assert.True(brief.Sections.Count >= 4);
            foreach (var bullet in brief.Sections.SelectMany(s => s.Bullets))
            {
                Assert.Empty(CitationVerifier.Check(bullet, SeedLike));
            }
        }
    }

    [Fact]
    public void Quantitative_bullets_are_rendered_from_facts_in_the_requested_language()
    {
        var en = BriefRenderer.ToText(Composer.Compose("t", SeedLike, new DateOnly(2025, 9, 20), "en"));
        Assert.Contains("Global CGT clinical trials have reached about 2,000, with China accounting for over 50% [2]", en, StringComparison.Ordinal);
        Assert.Contains("Industry Overview", en, StringComparison.Ordinal);
        Assert.Contains("(zh) [", en, StringComparison.Ordinal);

        var zh = BriefRenderer.ToText(Composer.Compose("t", SeedLike, new DateOnly(2025, 9, 20), "zh"));
        Assert.Contains("全球细胞与基因治疗临床试验约2,000项", zh, StringComparison.Ordinal);
        Assert.Contains("核心观点", zh, StringComparison.Ordinal);
        Assert.Contains("行业概况", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("(zh)", zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        var brief = Composer.Compose("t", SeedLike, new DateOnly(2025, 9, 20), "en");
        using var json = JsonDocument.Parse(BriefRenderer.ToJson(brief));
        var root = json.RootElement;
        Assert.Equal("t", root.GetProperty("title").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        var section = root.GetProperty("sections")[0];
        Assert.Equal("core-insights", section.GetProperty("key").GetString());
        var bullet = section.GetProperty("bullets")[0];
        Assert.Equal(JsonValueKind.String, bullet.GetProperty("text").ValueKind);
        Assert.True(bullet.GetProperty("citations").GetArrayLength() >= 1);
        Assert.Equal(JsonValueKind.Array, bullet.GetProperty("facts").ValueKind);
        Assert.Equal(brief, BriefRenderer.FromJson(BriefRenderer.ToJson(brief)), BriefEquality.Instance);
    }

    [Fact]
    public void Labelled_documents_give_sensible_briefs_or_say_there_is_too_little()
    {
        foreach (var doc in LabelledBriefs.Load().Concat(LabelledBriefs.Load("holdout")))
        {
            foreach (var lang in new[] { "en", "zh" })
            {
                var brief = Composer.Compose(doc.Title, doc.Paragraphs, doc.Published, lang);
                if (doc.TooLittle)
                {
                    Assert.True(brief.Sections.Count == 0 && brief.Note is not null, $"{doc.Name} ({lang}) should say there is too little");
                    using var json = JsonDocument.Parse(BriefRenderer.ToJson(brief));
                    Assert.Equal(0, json.RootElement.GetProperty("sections").GetArrayLength());
                    Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("note").GetString()));
                    continue;
                }

                Assert.True(brief.Sections.Count >= 2, $"{doc.Name} ({lang}): {brief.Sections.Count} sections");
                foreach (var bullet in brief.Sections.SelectMany(s => s.Bullets))
                {
                    Assert.Empty(CitationVerifier.Check(bullet, doc.Paragraphs));
                }

                var bullets = brief.Sections.SelectMany(s => s.Bullets).Select(b => b.Text).ToList();
                Assert.Equal(bullets.Count, bullets.Distinct(StringComparer.Ordinal).Count());
            }
        }
    }

    [Fact]
    public void Markdown_and_text_end_every_bullet_with_citations()
    {
        var brief = Composer.Compose("t", SeedLike, new DateOnly(2025, 9, 20), "en");
        var md = BriefRenderer.ToMarkdown(brief);
        Assert.StartsWith("# t", md, StringComparison.Ordinal);
        Assert.Contains("## Core Insights", md, StringComparison.Ordinal);
        foreach (var line in md.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)))
        {
            Assert.Matches(@"\[\d+\]$", line);
        }
    }

    private sealed class BriefEquality : IEqualityComparer<Brief?>
    {
        public static readonly BriefEquality Instance = new();

        public bool Equals(Brief? x, Brief? y) => x is not null && y is not null && BriefRenderer.ToJson(x) == BriefRenderer.ToJson(y);

        public int GetHashCode(Brief? obj) => 0;
    }
}
