using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Text;

public sealed class GlossaryTests
{
    private static readonly TextServices s_text = TextServices.Default;

    [Fact]
    public void Shipped_glossary_has_at_least_150_bilingual_entries()
    {
        var entries = s_text.Glossary.Entries;
        Assert.True(entries.Count >= 150, $"only {entries.Count} entries");
        var bilingual = entries.Count(e => e.Aliases.Any(a => a.Any(CharClass.IsHan)) && e.Aliases.Any(a => a.Any(char.IsAsciiLetter)));
        Assert.True(bilingual >= 150, $"only {bilingual} entries have both Chinese and English forms");
    }

    [Theory]
    [InlineData("oncolytic virus", "溶瘤病毒")]
    [InlineData("NMPA", "国家药监局")]
    [InlineData("car t", "嵌合抗原受体T细胞")]
    [InlineData("Yescarta", "阿基仑赛注射液")]
    [InlineData("國家藥監局", "NMPA")]
    public void Aliases_in_either_language_find_the_same_concept(string one, string other)
    {
        var a = s_text.Glossary.Find(one, s_text.Analyzer);
        var b = s_text.Glossary.Find(other, s_text.Analyzer);
        Assert.NotNull(a);
        Assert.Same(a, b);
    }

    [Fact]
    public void Unknown_words_are_not_found() => Assert.Null(s_text.Glossary.Find("banana bread", s_text.Analyzer));
}
