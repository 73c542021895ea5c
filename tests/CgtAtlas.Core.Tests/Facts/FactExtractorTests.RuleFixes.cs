using CgtAtlas.Facts;

namespace CgtAtlas.Core.Tests.Facts;

/// <summary>
/// Rules fixed after trying briefs on the sample corpus: each on sentences written for the test, in both languages,
/// never on a sample sentence.
/// </summary>
public sealed partial class FactExtractorTests
{
    private static Fact With(IReadOnlyList<Fact> facts, double value) => Assert.Single(facts, f => f.Value == value);

    [Theory]
    [InlineData("2024年,药审中心共受理干细胞产品上市申请40件,其中批准12件。")]
    [InlineData("2024年药审中心受理干细胞产品上市申请40件,其中12件获得批准。")]
    [InlineData("The agency received 40 marketing applications for stem cell products in 2024, including 12 approved.")]
    [InlineData("The agency reviewed 40 stem cell marketing applications in 2024 and approved 12 of them.")]
    public void A_part_of_a_total_takes_the_kind_named_next_to_it(string text)
    {
        var facts = Extract(text);
        Assert.Equal(FactKinds.ApplicationCount, With(facts, 40).Kind);
        Assert.Equal(FactKinds.ApprovalCount, With(facts, 12).Kind);
    }

    [Theory]
    [InlineData("国内获批临床的CAR-T申请累计30件,新增默示许可CGT临床试验8项。", 8)]
    [InlineData("Regulators accepted 3 CAR-T applications and cleared 8 IND applications for TCR-T trials.", 8)]
    public void An_implied_licence_or_cleared_IND_stays_an_application(string text, double value) =>
        Assert.Equal(FactKinds.ApplicationCount, With(Extract(text), value).Kind);

    [Theory]
    [InlineData("公司现有在研项目18个,其中6个处于上市申请前阶段,4个处于III期临床。")]
    [InlineData("启衡生物的细胞治疗研发管线共有18条,其中6条处于上市申请前阶段,4条进入III期。")]
    [InlineData("The company has 18 cell therapy pipeline programmes, 6 of which are in pre-registration and 4 in Phase 3.")]
    [InlineData("Of its 18 gene therapy candidates in development, 6 are at the pre-registration stage and 4 in late-stage trials.")]
    public void Pipeline_programmes_are_not_applications(string text)
    {
        var facts = Extract(text);
        Assert.NotEmpty(facts);
        Assert.DoesNotContain(facts, f => f.Kind == FactKinds.ApplicationCount);
        Assert.Equal(FactKinds.Quantity, With(facts, 18).Kind);
    }

    [Theory]
    [InlineData("CAR-T产品倍诺达的挂网价格为129万元。", "倍诺达")]
    [InlineData("据报道,纳基奥仑赛注射液每针定价99.9万元。", "纳基奥仑赛注射液")]
    [InlineData("The CAR-T therapy Abecma carries a US list price of $419,500.", "Abecma")]
    [InlineData("In the US, the cell therapy Breyanzi is priced at $410,300 per infusion.", "Breyanzi")]
    public void A_price_takes_the_one_product_its_sentence_names(string text, string product) =>
        Assert.Equal(product, Assert.Single(Extract(text), f => f.Kind == FactKinds.Price).Product);

    [Fact]
    public void Two_priced_products_in_one_sentence_each_keep_their_own()
    {
        var facts = Extract("Bristol Myers Squibb priced its CAR-T therapies Abecma at $419,500 and Breyanzi at $410,300.");
        Assert.Equal("Abecma", With(facts, 419_500).Product);
        Assert.Equal("Breyanzi", With(facts, 410_300).Product);
        var zh = Extract("据报道,CAR-T产品福可苏定价116.6万元,倍诺达定价129万元。");
        Assert.Equal("福可苏", With(zh, 1_166_000).Product);
        Assert.Equal("倍诺达", With(zh, 1_290_000).Product);
    }

    [Fact]
    public void A_price_of_a_class_names_no_product() =>
        Assert.Null(Assert.Single(Extract("国内CAR-T产品的定价普遍在100万元以上。"), f => f.Kind == FactKinds.Price).Product);

    [Theory]
    [InlineData("国内已获批的CD19 CAR-T共4款。", "CD19", 4)]
    [InlineData("其中靶向GPRC5D的CAR-T在研项目有2个进入临床。", "GPRC5D", 2)]
    [InlineData("The FDA has approved 2 BCMA-directed CAR-T therapies.", "BCMA", 2)]
    [InlineData("Regulators have cleared 5 trials of CAR-T cells targeting Claudin18.2.", "Claudin18.2", 5)]
    public void A_count_limited_to_one_antigen_keeps_it(string text, string target, double value)
    {
        var fact = With(Extract(text), value);
        Assert.Equal(target, fact.Target);
        Assert.Equal("CAR-T", fact.Modality);
    }

    [Fact]
    public void A_whole_split_by_antigen_keeps_no_target_of_its_own()
    {
        var facts = Extract("国内获批的9款CAR-T产品中靶向CD19的有6款,靶向BCMA的有3款。");
        Assert.Null(With(facts, 9).Target);
        Assert.Equal("CD19", With(facts, 6).Target);
        Assert.Equal("BCMA", With(facts, 3).Target);
        Assert.Equal(With(facts, 9).GroupId, With(facts, 6).GroupId);
    }

    [Fact]
    public void A_class_price_next_to_a_named_product_is_not_that_product()
    {
        var facts = Extract("在售的8款CAR-T产品中有7款定价超过100万元,只有倍诺达略低。");
        Assert.Null(Assert.Single(facts, f => f.Kind == FactKinds.Price).Product);
    }

    [Fact]
    public void A_count_of_the_whole_class_has_no_target()
    {
        Assert.Null(With(Extract("国家药监局已批准7款CAR-T产品上市。"), 7).Target);
        Assert.Null(With(Extract("The FDA has approved 7 CAR-T therapies."), 7).Target);
    }

    [Theory]
    [InlineData("- Approved on 21 March, the therapy is the third of its class.")]
    [InlineData("- Approved March 21, the therapy is the third of its class.")]
    [InlineData("该疗法于3月21日获批,是同类第三款。")]
    [InlineData("产品 | 企业 | 获批日期\n诺源泰 | 某生物 | 3月21日")]
    [InlineData("On 21 March 2024 the agency approved the gene therapy; on 4 June it approved a CAR-T therapy.")]
    public void Day_and_month_dates_are_never_counts(string text)
    {
        var facts = Extract(text.Split('\n'));
        Assert.DoesNotContain(facts, f => f.Value is 21 or 4 or 3 or 6);
    }

    [Theory]
    [InlineData("该基因治疗产品在膀胱上皮表达干扰素α2b。")]
    [InlineData("The gene therapy delivers the interferon α2b gene to the bladder wall.")]
    public void A_digit_after_a_greek_letter_is_part_of_a_name(string text) =>
        Assert.DoesNotContain(Extract(text), f => f.Value == 2);

    [Fact]
    public void A_day_first_date_is_the_date_of_its_event()
    {
        var e = Assert.Single(Extract("On 21 March 2024, the FDA approved Abecma for earlier lines of treatment."), f => f.Kind == FactKinds.ApprovalEvent);
        Assert.Equal("2024-03-21", e.Date);
    }

    [Theory]
    [InlineData("在8款产品中有6款为CAR-T产品。", 8, 6)]
    [InlineData("在8家CAR-T企业之中有6家已实现商业化。", 8, 6)]
    [InlineData("Of the eight CAR-T companies, six already sell a product.", 8, 6)]
    public void A_part_counted_out_of_a_whole_is_linked_to_it(string text, double whole, double part)
    {
        var facts = Extract(text);
        var w = With(facts, whole);
        var p = With(facts, part);
        Assert.NotNull(w.GroupId);
        Assert.Equal(w.GroupId, p.GroupId);
        Assert.Equal(w.Unit, p.Unit);
        Assert.Equal("count", p.Unit);
        Assert.DoesNotContain(facts, f => f.Kind == FactKinds.Share);
    }

    [Theory]
    [InlineData("基因治疗受试者每两年接受一次全面评估。", 2, "years")]
    [InlineData("患者出院后每3个月复查一次。", 3, "months")]
    [InlineData("Safety data of the gene therapy trial are reviewed every 6 months by the committee.", 6, "months")]
    [InlineData("Cell therapy manufacturing sites are inspected once every two years.", 2, "years")]
    public void An_interval_is_a_duration_never_a_review_clock(string text, double value, string unit)
    {
        var fact = Assert.Single(Extract(text));
        Assert.Equal(FactKinds.Duration, fact.Kind);
        Assert.Equal(value, fact.Value);
        Assert.Equal(unit, fact.Unit);
    }

    [Theory]
    [InlineData("该基因治疗产品每季度随访2次,每年复查两次。")]
    [InlineData("该小核酸药物一年注射两次,每周2次监测肝功能。")]
    [InlineData("The siRNA therapy is injected three times a year.")]
    [InlineData("Patients with the gene therapy receive 2 infusions per month and 4 visits a year.")]
    [InlineData("该药物给药频率为4次/年。")]
    public void A_count_per_period_is_a_frequency_not_a_count(string text) =>
        Assert.DoesNotContain(Extract(text), f => f.Unit == "count");
}
