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
                AssertNothingInvented(brief, doc.Paragraphs, $"{doc.Name} ({lang})");
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

    [Fact]
    public void A_one_line_cgt_item_is_too_short_rather_than_off_topic()
    {
        var brief = Composer.Compose("简讯", Doc("某公司CAR-T产品获批临床。"), new DateOnly(2025, 5, 1), "en");
        Assert.Empty(brief.Sections);
        Assert.Contains("too short", brief.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("gene therapy content", brief.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_with_nothing_beyond_its_lead_is_too_little_in_either_language()
    {
        var paragraphs = Doc(
            "本刊日前刊发的CAR-T支付一文中，将某CAR-T产品的公开报道价格误写为109.9万元，正确数字应为99.9万元，现已更正。",
            "特此说明，并向读者致歉。");
        foreach (var lang in new[] { "zh", "en" })
        {
            var brief = Composer.Compose("更正", paragraphs, new DateOnly(2025, 7, 26), lang);
            Assert.True(brief.Sections.Count == 0, $"{lang}: {brief.Sections.Count} sections");
            Assert.NotNull(brief.Note);
        }
    }

    [Fact]
    public void A_table_without_running_text_is_too_little_to_summarise()
    {
        var brief = Composer.Compose("CAR-T价格", Doc("产品 | 企业 | 价格", "阿基仑赛注射液 | 复星凯特 | 120万元", "瑞基奥仑赛注射液 | 药明巨诺 | 129万元"), new DateOnly(2025, 5, 1), "en");
        Assert.Empty(brief.Sections);
        Assert.NotNull(brief.Note);
    }

    [Fact]
    public void Table_rows_give_bullets_only_through_their_facts()
    {
        var paragraphs = Doc(
            "The table lists CAR-T therapies approved by the FDA and their list prices at launch in the United States.",
            "Product | Company | Year | Price",
            "Kymriah | Novartis | 2017 | $475,000",
            "Yescarta | Kite | 2017 | $373,000",
            "Analysts expect prices of new CAR-T therapies to stay high until manufacturing becomes cheaper.");
        foreach (var lang in new[] { "en", "zh" })
        {
            var brief = Composer.Compose("FDA-approved CAR-T prices", paragraphs, new DateOnly(2025, 5, 1), lang);
            var rowBullets = brief.Sections.SelectMany(s => s.Bullets).Where(b => b.Citations.Any(c => c is 3 or 4)).ToList();
            Assert.NotEmpty(rowBullets);
            foreach (var bullet in rowBullets)
            {
                Assert.NotEmpty(bullet.Facts);
                Assert.DoesNotContain(" | ", bullet.Text, StringComparison.Ordinal);
            }

            AssertNothingInvented(brief, paragraphs, lang);
        }
    }

    [Fact]
    public void List_items_become_bullets_without_their_markers()
    {
        var paragraphs = Doc(
            "本周细胞与基因治疗领域要闻如下。",
            "1. 国家药监局发布细胞治疗产品药学变更指导原则征求意见稿，要求企业开展可比性研究。",
            "2. 某CAR-T产品在复发难治淋巴瘤患者中的完全缓解率超过六成。",
            "- 多家企业完成融资，资金将用于扩建病毒载体产能。",
            "- 业内预计，未来三年自身免疫病将成为细胞治疗的新方向。");
        var brief = Composer.Compose("周报", paragraphs, new DateOnly(2025, 5, 1), "zh");
        Assert.True(brief.Sections.Count >= 3, $"{brief.Sections.Count} sections");
        foreach (var bullet in brief.Sections.SelectMany(s => s.Bullets))
        {
            Assert.DoesNotMatch(@"^\s*(?:\d+[.)、]|[-•])", bullet.Text);
        }

        AssertNothingInvented(brief, paragraphs, "list");
    }

    // Paragraphs that mix an English sentence and a Chinese one.
    private static readonly IReadOnlyList<Paragraph> MixedCarT = Doc(
        "The company reported that its CAR-T therapy for multiple myeloma kept most patients in remission after two years. 国内多家医院已开展该疗法的真实世界研究。",
        "Analysts expect the therapy to be used in earlier lines of treatment as more data arrive. 监管方面，药监局要求企业补充长期随访数据。");

    [Fact]
    public void Json_carries_the_source_language_as_a_field_and_keeps_the_text_clean()
    {
        var brief = Composer.Compose("Mixed CAR-T update", MixedCarT, new DateOnly(2025, 5, 1), "en");
        using var json = JsonDocument.Parse(BriefRenderer.ToJson(brief));
        var bullets = json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("bullets").EnumerateArray()).ToList();
        Assert.All(bullets, b => Assert.DoesNotMatch(@"\((?:zh|en)\)", b.GetProperty("text").GetString()!));
        var marked = Assert.Single(bullets.Where(b => b.TryGetProperty("sourceLanguage", out var l) && l.GetString() == "zh"), b => b.GetProperty("text").GetString()!.Contains("真实世界", StringComparison.Ordinal));
        Assert.EndsWith("。", marked.GetProperty("text").GetString()!, StringComparison.Ordinal);

        // Plain text and Markdown keep the visible mark; the cache reads the field back.
        Assert.Contains("。 (zh) [", BriefRenderer.ToText(brief), StringComparison.Ordinal);
        Assert.Contains("。 (zh) [", BriefRenderer.ToMarkdown(brief), StringComparison.Ordinal);
        Assert.Equal(brief.Sections.SelectMany(s => s.Bullets).Select(b => b.SourceLanguage),
            BriefRenderer.FromJson(BriefRenderer.ToJson(brief))!.Sections.SelectMany(s => s.Bullets).Select(b => b.SourceLanguage));
    }

    // A count of one antigen's products is never rendered as the whole class ("3 CAR-T products"), and approved
    // applications counted out of the applications are not approved products.
    [Theory]
    [InlineData("en", Myeloma, "国内已获批上市的BCMA CAR-T产品共3款，均用于多发性骨髓瘤。", "BCMA CAR-T", @"\d CAR-T|已批准CAR-T")]
    [InlineData("zh", Myeloma, "国内已获批上市的BCMA CAR-T产品共3款，均用于多发性骨髓瘤。", "BCMA CAR-T", @"\d CAR-T|已批准CAR-T")]
    [InlineData("en", Myeloma, "In the US, the FDA has approved 2 BCMA-directed CAR-T therapies for multiple myeloma.", "BCMA CAR-T", @"\d CAR-T")]
    [InlineData("en", StemCell, "2024年，药审中心共受理干细胞产品上市申请40件，其中批准12件。", "of which 12 were approved", "approved 12|12 stem cell products")]
    [InlineData("zh", StemCell, "2024年，药审中心共受理干细胞产品上市申请40件，其中批准12件。", "其中获批12件", "批准干细胞产品12款")]
    [InlineData("en", StemCell, "In 2024 the agency received 40 stem cell marketing applications, including 12 approved.", "of which 12 were approved", "approved 12|12 stem cell products")]
    public void A_figure_is_rendered_with_what_it_counts(string lang, string lead, string sentence, string expected, string forbidden)
    {
        var text = BriefRenderer.ToText(Composer.Compose("t", Doc(lead, sentence, "业内预计，更多细胞治疗产品将在未来两年内获批上市。"), new DateOnly(2025, 5, 1), lang));
        var line = Assert.Single(text.Split('\n'), l => l.Contains("[2]", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotMatch(forbidden, line);
    }

    private const string Myeloma = "细胞治疗行业观察：多发性骨髓瘤领域的CAR-T竞争格局。";
    private const string StemCell = "干细胞治疗监管观察：审评提速，企业申报积极。";

    [Fact]
    public void Mixed_language_paragraph_marks_each_quoted_sentence_by_its_own_language()
    {
        var paragraphs = MixedCarT;
        var en = Composer.Compose("Mixed CAR-T update", paragraphs, new DateOnly(2025, 5, 1), "en");
        var quoted = en.Sections.SelectMany(s => s.Bullets).Where(b => b.Facts.Count == 0).ToList();
        Assert.Contains(quoted, b => b.Text.EndsWith('。') && b.SourceLanguage == "zh" && b.MarkedText.EndsWith("。 (zh)", StringComparison.Ordinal));
        Assert.All(quoted.Where(b => b.Text.EndsWith('.')), b => Assert.Null(b.SourceLanguage));
        Assert.All(quoted, b => Assert.DoesNotContain("(zh)", b.Text, StringComparison.Ordinal));
        AssertNothingInvented(en, paragraphs, "mixed");
    }

    [Fact]
    public void Core_insights_speak_the_brief_language_when_the_article_does_not()
    {
        var en = Composer.Compose("中国细胞与基因治疗加速突围", SeedLike, new DateOnly(2025, 9, 20), "en");
        var about = en.Sections[0].Bullets[0].Text;
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", about);
        Assert.Contains("cell and gene therapy", about, StringComparison.Ordinal);
        Assert.Contains("China", about, StringComparison.Ordinal);

        var english = Doc(
            "The FDA approved a CAR-T therapy for adults with relapsed lymphoma after two earlier lines of treatment.",
            "In the pivotal trial, most patients responded and about half had a complete response.",
            "The company set a list price of $410,000, in line with other CAR-T products in the United States.",
            "Analysts expect sales to grow as more treatment centres are certified next year.",
            "The agency required a boxed warning about cytokine release syndrome and neurological toxicity.");
        var zh = Composer.Compose("FDA approves a CAR-T therapy", english, new DateOnly(2025, 5, 1), "zh");
        var aboutZh = zh.Sections[0].Bullets[0].Text;
        Assert.Matches(@"^本文关注美国CAR-T", aboutZh);
        Assert.DoesNotContain("中国", aboutZh, StringComparison.Ordinal);

        // Same language: the lead sentence itself is the clearest statement of what the article is about.
        var zhOfZh = Composer.Compose("中国细胞与基因治疗加速突围", SeedLike, new DateOnly(2025, 9, 20), "zh");
        Assert.Equal(SeedLike[0].Text, zhOfZh.Sections[0].Bullets[0].Text);
    }

    /// <summary>
    /// No invented content: a bullet is rendered from facts, or it quotes a sentence of a paragraph it cites, or it is
    /// the Core Insights "about" statement, which carries no figures. Every number is checked by the verifier.
    /// </summary>
    private static void AssertNothingInvented(Brief brief, IReadOnlyList<Paragraph> paragraphs, string name)
    {
        foreach (var section in brief.Sections)
        {
            foreach (var (bullet, i) in section.Bullets.Select((b, i) => (b, i)))
            {
                Assert.Empty(CitationVerifier.Check(bullet, paragraphs));
                if (bullet.Facts.Count > 0)
                {
                    continue;
                }

                var text = bullet.Text;
                var about = section.Key == BriefSections.CoreInsights && i == 0 && !text.Any(char.IsDigit);
                Assert.True(about || bullet.Citations.Any(c => paragraphs[c - 1].Text.Contains(text, StringComparison.Ordinal)), $"{name}: not a sentence of a cited paragraph: {bullet.Text}");
            }
        }
    }

    private sealed class BriefEquality : IEqualityComparer<Brief?>
    {
        public static readonly BriefEquality Instance = new();

        public bool Equals(Brief? x, Brief? y) => x is not null && y is not null && BriefRenderer.ToJson(x) == BriefRenderer.ToJson(y);

        public int GetHashCode(Brief? obj) => 0;
    }
}
