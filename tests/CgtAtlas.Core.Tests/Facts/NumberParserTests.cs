using CgtAtlas.Facts;

namespace CgtAtlas.Core.Tests.Facts;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("十四", 14)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("二十三", 23)]
    [InlineData("一百零五", 105)]
    [InlineData("三百五十", 350)]
    [InlineData("三千万", 30_000_000)]
    [InlineData("两亿", 200_000_000)]
    [InlineData("六十", 60)]
    [InlineData("二〇二五", 2025)]
    public void Parses_chinese_numerals(string text, double expected)
    {
        Assert.True(NumberParser.TryParseChinese(text, out var value));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("2,000", 2000)]
    [InlineData("1.98", 1.98)]
    [InlineData("3,866", 3866)]
    [InlineData("727,000", 727_000)]
    public void Parses_arabic_numbers_with_separators(string text, double expected)
    {
        Assert.True(NumberParser.TryParseArabic(text, out var value));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("nine", 9)]
    [InlineData("Eight", 8)]
    [InlineData("twenty-five", 25)]
    [InlineData("one hundred and five", 105)]
    [InlineData("one million", 1_000_000)]
    public void Parses_english_number_words(string text, double expected)
    {
        Assert.True(NumberParser.TryParseEnglish(text, out var value));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("1.2亿", 120_000_000)]
    [InlineData("115万", 1_150_000)]
    [InlineData("1.2 billion", 1_200_000_000)]
    [InlineData("600 million", 600_000_000)]
    [InlineData("十四", 14)]
    public void Parses_numbers_with_scale_words(string text, double expected)
    {
        Assert.True(NumberParser.TryParse(text, out var value));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("CD")]
    [InlineData("")]
    [InlineData("some")]
    public void Rejects_non_numbers(string text) => Assert.False(NumberParser.TryParse(text, out _));
}
