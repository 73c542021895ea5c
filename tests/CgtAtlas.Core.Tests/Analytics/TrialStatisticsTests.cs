using CgtAtlas.Analytics;
using CgtAtlas.Core.Tests.Knowledge;
using CgtAtlas.Knowledge;

namespace CgtAtlas.Core.Tests.Analytics;

public sealed class TrialStatisticsTests
{
    private static IReadOnlyList<ClinicalTrial> SyntheticPage() =>
        new CtgovImporter(KnowledgeFixture.Classifier).ParsePaths([Path.Combine(KnowledgeFixture.CtgovData, "synthetic-studies-page.json")]).Trials;

    [Fact]
    public void Counts_and_shares_by_country_and_modality()
    {
        var report = TrialStatistics.Compute(SyntheticPage(), ["country", "modality", "phase", "status", "year"]);
        Assert.Equal(10, report.Total);
        var china = report.Breakdowns[0].Rows[0];
        Assert.Equal("China", china.Key);
        Assert.Equal(8, china.Count); // 10 on the page minus the two non-CGT studies, both in China
        Assert.Equal(0.8, china.Share, 3);
        Assert.Equal(10, report.Breakdowns[1].Rows.Sum(r => r.Count));
        Assert.All(report.Breakdowns[1].Rows, r => Assert.Equal(1, r.Count));
        Assert.Contains(report.Breakdowns[2].Rows, r => r.Key == "PHASE1/PHASE2");
        Assert.Equal(["2022", "2023", "2024"], report.Breakdowns[4].Rows.Select(r => r.Key));
    }

    [Fact]
    public void All_includes_non_cgt_trials()
    {
        var report = TrialStatistics.Compute(SyntheticPage(), ["country", "modality"], cgtOnly: false);
        Assert.Equal(12, report.Total);
        Assert.Equal(10, report.Breakdowns[0].Rows.Single(r => r.Key == "China").Count);
        Assert.Equal(2, report.Breakdowns[1].Rows.Single(r => r.Key == "(not CGT)").Count);
    }

    [Fact]
    public void Dimension_names_are_normalised()
    {
        Assert.Equal("year", TrialStatistics.NormalizeDimension("start-year"));
        Assert.Equal("country", TrialStatistics.NormalizeDimension("Countries"));
        Assert.Null(TrialStatistics.NormalizeDimension("sponsor"));
    }
}
