using CgtAtlas.Documents;
using CgtAtlas.Insights;

namespace CgtAtlas.Core.Tests.Insights;

public sealed class CitationVerifierTests
{
    private static IReadOnlyList<Paragraph> Doc(params string[] texts) =>
        texts.Select((t, i) => new Paragraph(i + 1, t, Language.Zh)).ToList();

    [Theory]
    [InlineData("全球CGT临床试验约2000项,其中中国占比超过一半。", "Global CGT clinical trials have reached about 2,000, with China accounting for over 50%")]
    [InlineData("全球CGT临床试验约2千项。", "about 2,000 trials")]
    [InlineData("全球CGT临床试验约两千项。", "about 2,000 trials")]
    [InlineData("细胞治疗领域占比逾六成。", "over 60%")]
    [InlineData("细胞治疗领域占比五成。", "50%")]
    [InlineData("CAR-T单价120万元。", "CAR-T therapies cost 1.2 million yuan")]
    [InlineData("It costs 1.2 million yuan.", "价格120万元")]
    [InlineData("市场规模达1.2亿元。", "120 million yuan")]
    [InlineData("The deal is worth $1.1 billion.", "交易金额11亿美元")]
    [InlineData("审评时限为30个工作日。", "The NMPA review clock is 30 working days")]
    [InlineData("More than half of trials are in China.", "中国占比超过50%")]
    [InlineData("Nine of the 14 were approved recently.", "9 of 14")]
    [InlineData("占比达到百分之三十。", "30%")]
    public void Numbers_match_in_any_notation(string paragraph, string bullet)
    {
        Assert.Empty(CitationVerifier.Check(new BriefBullet(bullet, [1], []), Doc(paragraph)));
    }

    [Theory]
    [InlineData("全球CGT临床试验约2000项。", "about 3,000 trials")]
    [InlineData("CAR-T单价120万元。", "1.2 billion yuan")]
    [InlineData("占比超过一半。", "over 60%")]
    public void A_number_not_in_the_cited_paragraph_fails(string paragraph, string bullet)
    {
        Assert.NotEmpty(CitationVerifier.Check(new BriefBullet(bullet, [1], []), Doc(paragraph)));
    }

    [Fact]
    public void Citations_must_exist_and_carry_the_number()
    {
        var doc = Doc("No figures here.", "About 2,000 trials.");
        Assert.NotEmpty(CitationVerifier.Check(new BriefBullet("about 2,000 trials", [3], []), doc));
        Assert.NotEmpty(CitationVerifier.Check(new BriefBullet("about 2,000 trials", [], []), doc));
        Assert.NotEmpty(CitationVerifier.Check(new BriefBullet("about 2,000 trials", [1], []), doc));
        Assert.Empty(CitationVerifier.Check(new BriefBullet("about 2,000 trials", [1, 2], []), doc));
    }
}
