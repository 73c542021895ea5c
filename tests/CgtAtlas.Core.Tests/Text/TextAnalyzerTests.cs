using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    private static readonly TextAnalyzer s_analyzer = TextServices.Default.Analyzer;

    private static string Terms(string text) => string.Join(' ', s_analyzer.Analyze(TextNormalizer.Normalize(text)).Select(t => t.Term));

    [Theory]
    [InlineData("CAR-T细胞疗法", "cart 细 胞 疗 法")]
    [InlineData("CRISPR-Cas9 editing of BCL11A", "crisprcas9 editing of bcl11a")]
    [InlineData("NCT05123456", "nct05123456")]
    [InlineData("AAV9 vectors", "aav9 vector")]
    [InlineData("IL-2 and PD-1", "il2 and pd1")]
    [InlineData("CLDN18.2", "cldn18p2")]
    [InlineData("1.2亿元", "1p2 亿 元")]
    [InlineData("2,000 trials", "2000 trial")]
    [InlineData("long-term follow-up", "long term follow up")]
    [InlineData("anti-CD19 therapies", "anti cd19 therapy")]
    [InlineData("CARs and TILs", "car and til")]
    public void Keeps_identifiers_whole_and_folds_plain_words(string input, string expected) =>
        Assert.Equal(expected, Terms(input));

    [Fact]
    public void Full_width_forms_fold_to_ascii_through_nfkc() =>
        Assert.Equal(Terms("CAR-T 2000"), Terms("ＣＡＲ－Ｔ　２０００"));

    [Fact]
    public void Traditional_characters_fold_to_simplified() =>
        Assert.Equal(Terms("细胞治疗药品审评"), Terms("細胞治療藥品審評"));

    [Fact]
    public void Every_han_character_is_its_own_token_with_offsets()
    {
        var text = "国家药监局批准";
        var tokens = s_analyzer.Analyze(text);
        Assert.Equal(text.Length, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(text.Substring(t.Start, t.Length), t.Term));
        Assert.All(tokens, t => Assert.True(t.IsHan));
    }

    [Fact]
    public void Offsets_point_at_the_original_latin_run()
    {
        var text = "Approved: CAR-T (axi-cel).";
        var token = s_analyzer.Analyze(text).Single(t => t.Term == "cart");
        Assert.Equal("CAR-T", text.Substring(token.Start, token.Length));
    }

    [Fact]
    public void Punctuation_only_text_has_no_tokens() => Assert.Empty(s_analyzer.Analyze("，。！？—…()[]"));
}
