using CgtAtlas.Facts;

namespace CgtAtlas.Core.Tests.Facts;

public sealed partial class FactExtractorTests
{
    private static readonly FactExtractor Extractor = new();
    private static readonly DateOnly Published = new(2025, 9, 16);

    private static IReadOnlyList<Fact> Extract(params string[] paragraphs) =>
        Extractor.Extract(LabelledFacts.Paragraphs(paragraphs), Published);

    private static Fact Single(string text, string kind) => Assert.Single(Extract(text), f => f.Kind == kind);

    [Theory]
    [InlineData("全球CGT临床试验约2000项。", "trial_count", 2000, "count", "approx")]
    [InlineData("中国CGT临床试验占比超过一半。", "share", 50, "percent", "over")]
    [InlineData("国内细胞治疗试验中逾六成为研究者发起。", "share", 60, "percent", "over")]
    [InlineData("我国已有14款CGT产品获批上市。", "approval_count", 14, "count", "exact")]
    [InlineData("CDE已审评CGT新药临床试验申请765件。", "application_count", 765, "count", "exact")]
    [InlineData("CAR-T疗法单次治疗费用普遍在100万元以上。", "price", 1_000_000, "CNY", "at_least")]
    [InlineData("该公司完成1.2亿元A轮融资,用于CAR-T研发。", "funding", 120_000_000, "CNY", "exact")]
    [InlineData("药审中心将CGT临床试验申请审评时限缩短至30个工作日。", "review_time", 30, "working_days", "exact")]
    [InlineData("Global CGT clinical trials have reached about 2,000.", "trial_count", 2000, "count", "approx")]
    [InlineData("China accounts for over 50% of CAR-T trials.", "share", 50, "percent", "over")]
    [InlineData("The gene therapy deal is worth $1.2 billion.", "deal_value", 1_200_000_000, "USD", "exact")]
    [InlineData("相关CAR-T融资不少于10起。", "quantity", 10, "count", "at_least")]
    [InlineData("国内CAR-T产品年治疗患者不足2000人。", "patient_count", 2000, "patients", "under")]
    [InlineData("CAR-T随访时间不到6个月。", "duration", 6, "months", "under")]
    [InlineData("我国累计批准十四款细胞和基因治疗产品。", "approval_count", 14, "count", "exact")]
    [InlineData("其中两款细胞治疗产品获批上市。", "approval_count", 2, "count", "exact")]
    [InlineData("细胞治疗产品占比约三成。", "share", 30, "percent", "approx")]
    [InlineData("百分之六十以上的细胞治疗产品为近三年获批。", "share", 60, "percent", "at_least")]
    [InlineData("小核酸药物申请数量下降了12%。", "growth", -12, "percent", "exact")]
    [InlineData("干细胞类申请数量同比翻番。", "growth", 2, "fold", "exact")]
    public void Reads_value_unit_and_qualifier(string text, string kind, double value, string unit, string qualifier)
    {
        var fact = Single(text, kind);
        Assert.Equal(value, fact.Value!.Value, 3);
        Assert.Equal(unit, fact.Unit);
        Assert.Equal(qualifier, fact.Qualifier);
        Assert.Contains(fact.Evidence, text.Normalize(System.Text.NormalizationForm.FormKC), StringComparison.Ordinal);
    }

    [Fact]
    public void Traditional_Chinese_reads_like_simplified_and_keeps_its_own_evidence()
    {
        // The patterns are simplified; a Hong Kong or Taiwan source must give the same facts, with evidence cut from
        // its own (traditional) text.
        const string traditional = "截至2025年9月,國家藥監局已批准14款細胞和基因治療產品,全球CGT臨床試驗約2000項。";
        var facts = Extract(traditional);

        var approvals = Assert.Single(facts, f => f.Kind == "approval_count");
        Assert.Equal(14, approvals.Value!.Value, 3);
        Assert.Equal("NMPA", approvals.Agency);
        var trials = Assert.Single(facts, f => f.Kind == "trial_count");
        Assert.Equal(2000, trials.Value!.Value, 3);
        Assert.Equal("approx", trials.Qualifier);
        Assert.All(facts, f => Assert.Contains(f.Evidence, traditional, StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Evidence.Contains("國家藥監局", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CT041是靶向Claudin18.2的CAR-T细胞治疗产品,目前处于I期临床。")]
    [InlineData("The Phase 1 CAR-T trial NCT01234567 tested an AAV9 vector and CD19/BCMA targets.")]
    [InlineData("该基因治疗药物为1类创新药,适用于3至21岁患者。")]
    [InlineData("这是国内获批的第四款小核酸药物,也是首例CAR-T商业化用药。")]
    [InlineData("2024年6月10日,CGT行业大会在上海召开。")]
    [InlineData("In 2024, the FDA met CAR-T developers on March 3, 2025 at 10:30.")]
    [InlineData("目前国内已有数十家企业布局细胞治疗赛道。")]
    [InlineData("该CAR-T产品采用4-1BB共刺激结构域,目前处于1/2期临床。")]
    [InlineData("The Phase 1/2 CAR-T study, described in the 10-K, saw mostly grade 1 or 2 CRS.")]
    [InlineData("Among the top 10 biotech hubs, the #1 site runs CAR-T trials under Section 351 of the PHS Act.")]
    public void Identifiers_dates_ordinals_and_vague_amounts_are_not_quantities(string text) =>
        Assert.DoesNotContain(Extract(text), f => f.Value is not null);

    [Fact]
    public void A_document_outside_the_field_yields_nothing() =>
        Assert.Empty(Extract("Office notice: our office at 100 Main Street, Suite 4B, closes on March 14, 2025.",
            "Call +1 617 555 0100 or visit room 12 on the 3rd floor."));

    [Fact]
    public void Breakdown_parts_share_a_group_and_take_their_own_modality()
    {
        var facts = Extract("目前,我国已有14款CGT产品获批上市,包括7款CAR-T、3款小核酸、2款基因治疗、1款干细胞和1款溶瘤病毒产品,其中9款在近三年获批。")
            .Where(f => f.Kind == "approval_count").ToList();
        Assert.Equal([14.0, 7, 3, 2, 1, 1, 9], facts.Select(f => f.Value!.Value));
        Assert.Equal(["CGT", "CAR-T", "small nucleic acid", "gene therapy", "stem cell", "oncolytic virus", "CGT"], facts.Select(f => f.Modality));
        Assert.Single(facts.Select(f => f.GroupId).Distinct());
        Assert.NotNull(facts[0].GroupId);
    }

    [Fact]
    public void English_breakdown_counts_the_word_one()
    {
        var facts = Extract("By the end of 2025, regulators in China had cleared 15 cell and gene therapy products — 8 CAR-Ts, 2 gene therapies and one stem cell product.");
        Assert.Equal([15.0, 8, 2, 1], facts.Select(f => f.Value!.Value));
        Assert.All(facts, f => Assert.Equal("2025-12-31", f.Date));
        Assert.All(facts, f => Assert.Equal("CN", f.Region));
    }

    [Fact]
    public void As_of_date_and_region_come_from_the_sentence()
    {
        var fact = Single("截至2025年6月底,全球CGT临床试验约2000项。", "trial_count");
        Assert.Equal("2025-06-30", fact.Date);
        Assert.Equal("global", fact.Region);
        Assert.Equal("CGT", fact.Modality);
    }

    [Fact]
    public void Approval_event_names_product_agency_and_date()
    {
        var fact = Single("11月7日,国家药品监督管理局批准某生物公司申报的普基奥仑赛注射液上市。", "approval_event");
        Assert.Equal("普基奥仑赛注射液", fact.Product);
        Assert.Equal("NMPA", fact.Agency);
        Assert.Equal("CN", fact.Region);
        Assert.Equal("CAR-T", fact.Modality);
        Assert.Equal("2024-11-07", fact.Date);
        Assert.Null(fact.Value);
    }

    [Fact]
    public void English_approval_event()
    {
        var fact = Single("The FDA approved Aucatzyl (obecabtagene autoleucel), Autolus Therapeutics' CD19-directed CAR-T therapy, on November 8, 2024.", "approval_event");
        Assert.Equal("Aucatzyl", fact.Product);
        Assert.Equal("Autolus Therapeutics", fact.Company);
        Assert.Equal("FDA", fact.Agency);
        Assert.Equal("2024-11-08", fact.Date);
    }

    [Fact]
    public void Policy_draft_has_agency_and_date()
    {
        var fact = Single("6月10日,药审中心发布《基因治疗产品非临床研究技术指导原则(征求意见稿)》。", "policy");
        Assert.Equal("CDE", fact.Agency);
        Assert.Equal("2025-06-10", fact.Date);
        Assert.Equal("gene therapy", fact.Modality);
    }

    [Fact]
    public void Range_is_two_facts_at_least_and_at_most()
    {
        var facts = Extract("The agency expects to approve 10 to 20 cell and gene therapy products a year by 2027.");
        Assert.Equal(2, facts.Count);
        Assert.Equal(("at_least", "at_most"), (facts[0].Qualifier, facts[1].Qualifier));
        Assert.All(facts, f => Assert.Equal("forecast", f.Kind));
    }

    [Fact]
    public void Extraction_is_deterministic_and_thread_safe()
    {
        var paragraphs = new[] { "截至2025年6月底,全球CGT临床试验约2000项,中国占比超过一半。", "CAR-T疗法单次治疗费用普遍在100万元以上。" }
            .Select((p, i) => LabelledFacts.Normalise(p, i + 1)).ToList();
        var expected = Extractor.Extract(paragraphs, Published);
        Parallel.For(0, 32, _ => Assert.Equal(expected, Extractor.Extract(paragraphs, Published)));
    }

    [Theory]
    [InlineData("该基因治疗产品单次静脉注射剂量为1.1×10^14 vg/kg。")]
    [InlineData("In a 1:1 randomized CAR-T trial, patients received 2 mg/kg of the drug.")]
    [InlineData("B细胞急性淋巴细胞白血病患者接受CAR-T治疗后的5年生存率数据尚未公布。")]
    [InlineData("公司地址:上海市张江路100号,联系电话:021-12345678,CAR-T业务部。")]
    public void Doses_ratios_landmarks_and_contacts_are_not_quantities(string text) =>
        Assert.DoesNotContain(Extract(text), f => f.Kind is "quantity" or "duration" or "trial_count" or "patient_count");

    [Fact]
    public void Breakdown_labels_written_before_the_numbers()
    {
        var facts = Extract("本周共有6款CGT产品获得IND默示许可,其中CAR-T产品4款、基因治疗产品2款。");
        Assert.Equal([6.0, 4, 2], facts.Select(f => f.Value!.Value));
        Assert.All(facts, f => Assert.Equal("application_count", f.Kind));
        Assert.Equal(["CGT", "CAR-T", "gene therapy"], facts.Select(f => f.Modality));
    }

    [Fact]
    public void Projection_keeps_its_starting_figure_as_a_present_value()
    {
        var facts = Extract("Analysts project the CAR-T market will grow from $4.5 billion in 2024 to $20 billion by 2030.");
        Assert.Equal(("market_size", "2024"), (facts[0].Kind, facts[0].Date));
        Assert.Equal(("forecast", "2030"), (facts[1].Kind, facts[1].Date));
    }

    [Theory]
    [InlineData("Roughly 1 in 5 eligible patients currently receives CAR-T.", "share", 20, "percent")]
    [InlineData("About one third of CAR-T patients experienced cytokine release syndrome.", "share", 33.33, "percent")]
    [InlineData("The CAR-T patient base grew threefold in two years.", "growth", 3, "fold")]
    [InlineData("The biotech raised RMB1.5bn for its CAR-T pipeline.", "funding", 1_500_000_000, "CNY")]
    [InlineData("在可评估的42例CAR-T治疗患者中,客观缓解率(ORR)为92.9%。", "efficacy", 92.9, "percent")]
    [InlineData("该CAR-T产品2024年营收达3.2亿元人民币。", "revenue", 320_000_000, "CNY")]
    [InlineData("预计到2030年全球CGT市场规模将超过1000亿美元。", "forecast", 100_000_000_000, "USD")]
    public void Reads_other_kinds(string text, string kind, double value, string unit)
    {
        var fact = Assert.Single(Extract(text), f => f.Kind == kind);
        Assert.Equal(value, fact.Value!.Value, 2);
        Assert.Equal(unit, fact.Unit);
    }

    [Fact]
    public void Long_documents_stay_fast()
    {
        var paragraph = "截至2025年6月底,全球CGT临床试验约2000项,中国占比超过一半,在细胞治疗领域更是超过60%,"
            + string.Concat(Enumerable.Repeat("CAR-T疗法单次治疗费用普遍在100万元以上,", 40)) + "其中9款在近三年获批。";
        var paragraphs = Enumerable.Range(1, 100).Select(i => LabelledFacts.Normalise(paragraph, i)).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var facts = Extractor.Extract(paragraphs, Published);

        // A generous bound (shared CI machines are slow): it guards against catastrophic regex backtracking, which
        // would take minutes, not against ordinary slowness.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.True(facts.Count >= 100 * 40);
    }

    [Fact]
    public void Respectively_maps_numbers_to_the_listed_modalities()
    {
        var facts = Extract("体内CAR-T、TCR-T和小核酸药物最受资本青睐,分别获得融资12起、8起和10起。");
        Assert.Equal(["CAR-T", "TCR-T", "small nucleic acid"], facts.Select(f => f.Modality));
        var english = Extract("CAR-T and gene therapy developers closed 12 and 8 deals, respectively.");
        Assert.Equal(["CAR-T", "gene therapy"], english.Select(f => f.Modality));
    }

    [Fact]
    public void Every_English_number_word_the_parser_knows_is_read_as_a_count()
    {
        // The matcher's pattern lists the words as a constant; this keeps it in step with the parser's dictionary.
        // "one" is an article unless stressed and "zero" is never an amount, so both are left out.
        foreach (var word in NumberParser.EnglishNumberWords.Where(w => w is not ("zero" or "one")))
        {
            Assert.True(NumberParser.TryParseEnglish(word, out var value));
            var fact = Single($"The NMPA has approved {word} CAR-T products.", "approval_count");
            Assert.Equal(value, fact.Value);
        }
    }

    [Fact]
    public void Yuan_amounts_are_Chinese_when_their_sentence_names_no_region()
    {
        // The region of the previous paragraph (the US) must not carry over to a renminbi price.
        var zh = Extract("美国FDA已批准7款CAR-T产品,Kymriah定价47.5万美元。", "奕凯达单次治疗费用120万元。");
        Assert.Equal("CN", Assert.Single(zh, f => f.Unit == "CNY").Region);
        var en = Extract("The FDA has approved seven CAR-T products; Kymriah costs $475,000.", "Carvykti costs RMB 1.2 million per infusion.");
        Assert.Equal("CN", Assert.Single(en, f => f.Unit == "CNY").Region);
        var mainland = Extract("In the US, CAR-T sales reached $2 billion.", "大陆CAR-T市场规模约为5亿美元。");
        Assert.Equal("CN", Assert.Single(mainland, f => f.Paragraph == 2).Region);
    }

    [Fact]
    public void A_back_reference_to_a_whole_takes_the_whole_modality_not_the_last_part()
    {
        var zh = Extract("我国已批准14款CGT产品,包括7款CAR-T、1款溶瘤病毒。14款中有9款在最近三年获批。");
        var nine = Assert.Single(zh, f => f.Value == 9);
        Assert.Equal("CGT", nine.Modality);
        var en = Extract("China has approved 14 CGT products, including seven CAR-T and one oncolytic virus. Of the 14, nine were approved in the last three years.");
        var enNine = Assert.Single(en, f => f.Value == 9);
        Assert.Equal("CGT", enNine.Modality);
    }

    [Theory]
    [InlineData("On 10 April 2025, the NMPA approved two CAR-T products.", 10)]
    [InlineData("2025年4月10日,国家药监局批准了两款CAR-T产品。", 10)]
    [InlineData("该CAR-T产品比医保谈判门槛低1000元。", 1000)]
    [InlineData("该小核酸药物每年注射两次。", 2)]
    [InlineData("The siRNA drug is injected twice a year.", 2)]
    [InlineData("2003年和2005年获批的老产品仍在销售,它们是基因治疗药物。", 2)]
    public void Numbers_that_are_not_amounts_give_no_fact(string text, double value)
    {
        Assert.DoesNotContain(Extract(text), f => f.Value == value);
    }

    [Theory]
    [InlineData("CAR-T疗法定价40万至50万美元。")]
    [InlineData("CAR-T therapies are priced at $400,000 to $500,000.")]
    public void A_range_is_its_lower_and_upper_bound(string text)
    {
        // The labelling convention: "A to B" is A at_least and B at_most, never B exact.
        var prices = Extract(text).Where(f => f.Unit == "USD").Select(f => (f.Value, f.Qualifier)).ToList();
        Assert.Equal([(400_000d, "at_least"), (500_000d, "at_most")], prices);
    }

    [Theory]
    [InlineData("该基因治疗药物每支仅一两百元。", 150, "approx")]
    [InlineData("奕凯达是唯一低于100万元的CAR-T产品。", 1_000_000, "under")]
    public void Vague_amounts_keep_their_vagueness(string text, double value, string qualifier)
    {
        var price = Assert.Single(Extract(text), f => f.Unit == "CNY");
        Assert.Equal(value, price.Value!.Value, 3);
        Assert.Equal(qualifier, price.Qualifier);
    }

    [Theory]
    [InlineData("CDE于2025年6月10日发布《先进治疗药品的范围、归类和释义》征求意见稿,概念上与欧盟的ATMP框架接近。")]
    [InlineData("On 10 June 2025 the CDE issued a draft guidance on advanced therapy products, close to the European ATMP framework.")]
    public void The_issuing_agency_decides_a_policy_region_over_a_country_it_is_compared_with(string text)
    {
        var policy = Assert.Single(Extract(text), f => f.Kind == "policy");
        Assert.Equal("CN", policy.Region);
    }

    [Theory]
    [InlineData("基因治疗和溶瘤病毒这两个类别中,分别有2003年和2005年获批的老产品。")]
    [InlineData("Of the gene therapy and oncolytic virus classes, these two classes each hold a product approved in 2003 and 2005.")]
    public void A_demonstrative_count_points_back_and_is_no_new_amount(string text)
    {
        Assert.DoesNotContain(Extract(text), f => f.Value == 2);
    }

    [Theory]
    [InlineData("美国市场CAR-T的标价约为45万美元。")]
    [InlineData("In the US market, the list price of a CAR-T therapy is about $450,000.")]
    public void A_price_in_a_market_is_a_price_not_a_market_size(string text)
    {
        Assert.Equal("price", Assert.Single(Extract(text), f => f.Unit == "USD").Kind);
    }
}
