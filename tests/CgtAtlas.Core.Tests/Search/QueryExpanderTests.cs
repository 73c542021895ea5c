using CgtAtlas.Search;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Search;

public sealed class QueryExpanderTests
{
    private static readonly QueryExpander s_expander = new(TextServices.Default);

    private static MatchExpression Expand(string query) => s_expander.Expand(new QueryParser().Parse(query).Root!);

    private static List<string> Phrases(MatchExpression e) =>
        QueryExpander.PositivePhrases(e).Select(p => string.Join(' ', p.Terms)).ToList();

    [Fact]
    public void English_concept_expands_to_chinese_aliases()
    {
        var phrases = Phrases(Expand("oncolytic virus"));
        Assert.Contains("溶 瘤 病 毒", phrases);
        Assert.Contains("oncolytic virus", phrases);
    }

    [Fact]
    public void Car_t_expands_to_spaced_form_and_chinese_name()
    {
        var phrases = Phrases(Expand("CAR-T"));
        Assert.Contains("car t", phrases);
        Assert.Contains("cart", phrases);
        Assert.Contains(phrases, p => p.StartsWith("嵌 合 抗 原 受 体", StringComparison.Ordinal));
    }

    [Fact]
    public void Nmpa_expands_to_chinese_regulator_names()
    {
        var phrases = Phrases(Expand("NMPA"));
        // 国家药监局 is covered by its shorter alias 药监局: an alternative containing another adds no match and is dropped.
        Assert.Contains("药 监 局", phrases);
        Assert.Contains("国 家 药 品 监 督 管 理 局", phrases);
        Assert.DoesNotContain("国 家 药 监 局", phrases);
    }

    [Fact]
    public void Unknown_chinese_words_become_phrases_of_their_characters()
    {
        var match = Expand("城市");
        var phrase = Assert.IsType<MatchPhrase>(match);
        Assert.Equal(["城", "市"], phrase.Terms);
    }

    [Fact]
    public void Long_chinese_runs_are_segmented_into_anded_word_phrases()
    {
        var match = Assert.IsType<MatchAll>(Expand("中国企业加速出海"));
        Assert.True(match.Children.Count >= 2);
        Assert.All(match.Children, c => Assert.IsType<MatchPhrase>(c));
    }

    [Fact]
    public void Negated_terms_are_excluded_and_never_highlighted()
    {
        var match = Assert.IsType<MatchExcept>(Expand("CAR-T -淋巴瘤"));
        Assert.DoesNotContain(Phrases(match), p => p.Contains('淋', StringComparison.Ordinal));
    }

    [Fact]
    public void Punctuation_only_queries_are_reported() =>
        Assert.Throws<QuerySyntaxException>(() => Expand("，。！"));
}
