using CgtAtlas.Knowledge;
using CgtAtlas.Web.Services;

namespace CgtAtlas.Web.Tests;

/// <summary>Landscape and trial pages show dates as precise as they are known and registry codes in words.</summary>
public sealed class RecordLabelTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("2025-07-01", DatePrecision.Quarter, "2025 Q3")]
    [InlineData("2025-10-01", DatePrecision.Quarter, "2025 Q4")]
    [InlineData("2005-01-01", DatePrecision.Year, "2005")]
    [InlineData("2024-06-01", DatePrecision.Month, "2024-06")]
    [InlineData("2024-06-15", DatePrecision.Day, "2024-06-15")]
    public void Dates_are_written_to_their_precision(string date, DatePrecision precision, string expected) =>
        Assert.Equal(expected, RecordLabels.Date(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), precision));

    [Fact]
    public void Phase_and_status_codes_read_as_words_in_both_languages()
    {
        Assert.Equal("Phase 1/Phase 2", RecordLabels.Phases(["PHASE1", "PHASE2"], zh: false));
        Assert.Equal("1期/2期", RecordLabels.Phases(["PHASE1", "PHASE2"], zh: true));
        Assert.Equal("n/a", RecordLabels.Phases(["NA"], zh: false));
        Assert.Equal("Completed", RecordLabels.Status("COMPLETED", zh: false));
        Assert.Equal("已完成", RecordLabels.Status("COMPLETED", zh: true));
        Assert.Equal("Some New State", RecordLabels.Status("SOME_NEW_STATE", zh: false));
    }

    [Fact]
    public async Task Landscape_shows_no_padded_dates()
    {
        var landscape = await web.Client().GetStringAsync("/landscape");
        Assert.DoesNotContain("(quarter)", landscape, StringComparison.Ordinal);
        Assert.DoesNotContain("(year)", landscape, StringComparison.Ordinal);
        Assert.Matches(">\\d{4}</td>", landscape);
    }
}
