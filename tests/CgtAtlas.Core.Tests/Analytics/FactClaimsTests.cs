using CgtAtlas.Analytics;
using CgtAtlas.Facts;

namespace CgtAtlas.Core.Tests.Analytics;

/// <summary>How extracted facts become claims: breakdown parts, sentence dates, price wording.</summary>
public sealed class FactClaimsTests
{
    private static Fact Count(double value, string evidence, string? modality = null, int? group = null, string? date = null) =>
        new(FactKinds.ApprovalCount, value, "count", "exact", modality, "CN", "NMPA", null, null, date, 1, evidence, group);

    private static Fact Price(double value, string evidence, string? modality = null, string? product = null, string? qualifier = "approx") =>
        new(FactKinds.Price, value, "CNY", qualifier, modality, "CN", null, product, null, null, 1, evidence, null);

    // The glossary check as the CLI wires it, reduced to the canonical name: traditional-Chinese aliases are unknown.
    private static bool NamesCanonical(string sentence, string modality) => sentence.Contains(modality, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Breakdown_parts_keep_their_class_even_when_the_alias_is_not_recognised()
    {
        const string sentence = "累計核准上市的細胞與基因治療產品已達14款,其中CAR-T產品7款、基因治療產品2款、幹細胞產品1款";
        var facts = new[]
        {
            Count(14, sentence, "CGT", group: 1),
            Count(7, sentence, "CAR-T", group: 1),
            Count(2, sentence, "gene therapy", group: 1),
            Count(1, sentence, "stem cell", group: 1),
        };

        var claims = FactClaims.From(facts, NamesCanonical);

        Assert.Equal([null, "CAR-T", "gene therapy", "stem cell"], claims.Select(c => c.Modality));
        Assert.All(claims, c => Assert.Null(c.Unresolved));
    }

    [Theory]
    [InlineData("国内已获批的CD19 CAR-T共4款", "CD19")]
    [InlineData("The FDA has approved 2 BCMA-directed CAR-T therapies", "BCMA")]
    public void A_count_limited_to_one_antigen_is_not_checked_as_the_whole_class(string sentence, string target)
    {
        var fact = Count(4, sentence, "CAR-T") with { Target = target };
        var claim = FactClaims.From([fact], NamesCanonical).Single();
        Assert.NotNull(claim.Unresolved);
        Assert.Contains(target, claim.Unresolved, StringComparison.Ordinal);
        Assert.Null(FactClaims.From([fact with { Target = null }], NamesCanonical).Single().Unresolved);
    }

    [Fact]
    public void A_breakdown_part_without_a_class_is_unresolved()
    {
        const string sentence = "共14款,其中7款、3款";
        var claims = FactClaims.From([Count(14, sentence, group: 2), Count(7, sentence, group: 2), Count(3, sentence, group: 2)], NamesCanonical);

        Assert.Null(claims[0].Unresolved);
        Assert.NotNull(claims[1].Unresolved);
        Assert.NotNull(claims[2].Unresolved);
    }

    [Fact]
    public void A_class_taken_from_context_leaves_the_count_unresolved_unless_the_sentence_says_CGT()
    {
        var fromContext = FactClaims.From([Count(3, "国内获批的三款产品", "small nucleic acid")], NamesCanonical).Single();
        var saysCgt = FactClaims.From([Count(14, "国内已上市细胞与基因治疗产品为14款", "CAR-T")], NamesCanonical).Single();
        var named = FactClaims.From([Count(7, "国内已有7款CAR-T获批", "CAR-T")], NamesCanonical).Single();

        var noClass = FactClaims.From([Count(3, "国内获批的三款产品")], NamesCanonical).Single();

        Assert.NotNull(noClass.Unresolved);
        Assert.NotNull(fromContext.Unresolved);
        Assert.Null(saysCgt.Unresolved);
        Assert.Null(saysCgt.Modality);
        Assert.Equal("CAR-T", named.Modality);
        Assert.Null(named.Unresolved);
    }

    [Fact]
    public void A_windowed_subtotal_counts_what_its_total_counted()
    {
        var nine = FactClaims.From([Count(9, "Nine of the 14 were approved in the past three years.", "oncolytic virus")], NamesCanonical).Single();

        Assert.Equal(3, nine.WindowYears);
        Assert.Null(nine.Modality);
        Assert.Null(nine.Unresolved);
    }

    [Theory]
    [InlineData("2025年9月行业蓝皮书统计的国内已上市细胞与基因治疗产品为14款", 2025, 9, 30)]
    [InlineData("By the count of a blue book released in September 2025, 14 CGT products were approved", 2025, 9, 30)]
    public void A_count_is_as_of_the_month_its_sentence_names(string sentence, int year, int month, int day)
    {
        var claim = FactClaims.From([Count(14, sentence, "CGT")]).Single();
        Assert.Equal(new DateOnly(year, month, day), claim.Date);
    }

    [Fact]
    public void The_extractors_date_wins_and_two_months_mean_no_sentence_date()
    {
        Assert.Equal(new DateOnly(2025, 6, 30), FactClaims.From([Count(13, "2025年9月发布:截至2025年6月共13款", "CGT", date: "2025-06-30")]).Single().Date);
        Assert.Null(FactClaims.From([Count(13, "2024年1月至2025年6月共13款", "CGT")]).Single().Date);
    }

    [Fact]
    public void Price_wording_sets_the_extreme_and_the_basis()
    {
        const string highest = "以CAR-T为例,国内已上市产品的单次治疗费用多在100万元以上,最高的约150万元。";
        const string course = "艾米迈托赛单支定价约1.98万元,一个疗程约15.8万元。";
        var claims = FactClaims.From(
        [
            Price(1_000_000, highest, "CAR-T", qualifier: "over"),
            Price(1_500_000, highest, "CAR-T"),
            Price(19_800, course, product: "艾米迈托赛"),
            Price(158_000, course, product: "艾米迈托赛"),
        ]);

        Assert.Equal([null, "max", null, null], claims.Select(c => c.Quantifier));
        Assert.Equal([null, null, "dose", "course"], claims.Select(c => c.PriceBasis));
    }
}
