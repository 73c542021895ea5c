using CgtAtlas.Documents;

namespace CgtAtlas.Core.Tests.Documents;

public sealed class LanguageCodesTests
{
    [Theory]
    [InlineData("zh", Language.Zh)]
    [InlineData("EN", Language.En)]
    [InlineData("中文", Language.Zh)]
    [InlineData("mixed", Language.Mixed)]
    public void Parses_known_codes(string code, Language expected)
    {
        Assert.True(LanguageCodes.TryParse(code, out var language));
        Assert.Equal(expected, language);
        Assert.Equal(expected, LanguageCodes.TryParse(language.ToCode(), out var again) ? again : Language.Unknown);
    }

    [Fact]
    public void Rejects_unknown_codes() => Assert.False(LanguageCodes.TryParse("fr", out _));
}
