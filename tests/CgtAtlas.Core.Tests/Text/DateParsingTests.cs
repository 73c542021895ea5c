using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Text;

public sealed class DateParsingTests
{
    [Theory]
    [InlineData("2025年6月30日", "2025-06-30")]
    [InlineData("２０２５年６月３０日", "2025-06-30")]
    [InlineData("2025-04-10T08:00:00+08:00", "2025-04-10")]
    [InlineData("2025/4/10", "2025-04-10")]
    [InlineData("Thu, 10 Apr 2025 08:00:00 +0800", "2025-04-10")]
    [InlineData("June 30, 2025", "2025-06-30")]
    public void Parses_chinese_iso_and_english_dates(string input, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParsing.Parse(input));

    [Theory]
    [InlineData("2025年2月30日")]
    [InlineData("not a date")]
    [InlineData("")]
    public void Rejects_impossible_or_missing_dates(string input) => Assert.Null(DateParsing.Parse(input));

    [Fact]
    public void Finds_a_date_in_running_text() =>
        Assert.Equal(new DateOnly(2025, 1, 2), DateParsing.FindInText("据新华社北京2025年1月2日电，国家药监局批准……"));

    [Theory]
    [InlineData("2025", false, "2025-01-01")]
    [InlineData("2025", true, "2025-12-31")]
    [InlineData("2024-02", true, "2024-02-29")]
    [InlineData("2025-03-15", true, "2025-03-15")]
    public void Query_bounds_expand_partial_dates(string value, bool end, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParsing.ParseBound(value, end));
}
