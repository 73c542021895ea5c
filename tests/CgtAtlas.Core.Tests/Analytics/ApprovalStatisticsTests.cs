using CgtAtlas.Analytics;
using CgtAtlas.Core.Tests.Knowledge;

namespace CgtAtlas.Core.Tests.Analytics;

/// <summary>The NMPA as-of counts of docs/knowledge.md §6, computed from products.csv.</summary>
public sealed class ApprovalStatisticsTests
{
    private static ApprovalReport Nmpa(string asOf, int recentYears = 3) => ApprovalStatistics.Compute(KnowledgeFixture.Kb,
        new ApprovalQuery { Agency = "NMPA", AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), RecentYears = recentYears });

    private static int Modality(ApprovalReport report, string modality) => report.ByModality.SingleOrDefault(g => g.Key == modality)?.Count ?? 0;

    [Fact]
    public void Nmpa_as_of_2025_09_16_is_14_with_9_in_the_preceding_three_years()
    {
        var report = Nmpa("2025-09-16");
        Assert.Equal(14, report.Total.Count);
        Assert.Equal(7, Modality(report, "CAR-T"));
        Assert.Equal(3, Modality(report, "small nucleic acid"));
        Assert.Equal(2, Modality(report, "gene therapy"));
        Assert.Equal(1, Modality(report, "stem cell"));
        Assert.Equal(1, Modality(report, "oncolytic virus"));
        Assert.Equal(5, report.ByModality.Count);
        Assert.Equal(new DateOnly(2022, 9, 17), report.RecentFrom);
        Assert.Equal(9, report.Recent.Count);
        Assert.Equal(
            ["nmpa-eque-cel", "nmpa-inclisiran", "nmpa-inati-cel", "nmpa-zevor-cel", "nmpa-cilta-cel", "nmpa-tofersen", "nmpa-amimestrocel",
                "nmpa-bbm-h901", "nmpa-hrain-cd19-car-t"],
            report.Recent.Ids);
        Assert.Equal(["nmpa-hrain-cd19-car-t"], report.Uncertain);
        Assert.Equal(14, report.ByModality.Sum(g => g.Ids.Count));
    }

    [Fact]
    public void Nmpa_as_of_2025_12_31_is_15_with_8_car_t()
    {
        var report = Nmpa("2025-12-31");
        Assert.Equal(15, report.Total.Count);
        Assert.Equal(8, Modality(report, "CAR-T"));
        Assert.Contains("nmpa-pcar-19b", report.Total.Ids);
        Assert.Empty(report.Uncertain);
    }

    [Fact]
    public void Agrees_with_the_reported_blue_book_figures_in_statistics_csv()
    {
        var kb = KnowledgeFixture.Kb;
        var total = kb.Statistics.Single(s => s.Id == "nmpa-cgt-products-bluebook-2025");
        var recent = kb.Statistics.Single(s => s.Id == "nmpa-cgt-products-last-3y-bluebook-2025");
        var carT = kb.Statistics.Single(s => s.Id == "nmpa-car-t-products-end-2025");
        Assert.Equal(total.Value, Nmpa(total.AsOf!).Total.Count);
        Assert.Equal(recent.Value, Nmpa(recent.AsOf!).Recent.Count);
        Assert.Equal(carT.Value, Modality(Nmpa(carT.AsOf!), "CAR-T"));
    }

    [Fact]
    public void Counting_rules_first_approval_per_agency_and_counts_as_cgt()
    {
        var kb = KnowledgeFixture.Kb;
        var date = new DateOnly(2025, 12, 31);

        // One row per product per agency: Yescarta counts once for each of NMPA, FDA and EMA.
        var all = ApprovalStatistics.Compute(kb, new ApprovalQuery { AsOf = date });
        Assert.Equal(3, all.Total.Ids.Count(id => kb.Products.Single(p => p.Id == id).ProductKey == "axicabtagene-ciloleucel"));
        Assert.Equal(kb.Products.Count(p => p.CountsAsCgt && p.ApprovalDate <= date), all.Total.Count);
        Assert.Equal(all.Total.Count, all.ByAgency.Sum(a => a.Count));

        // Cord-blood units (counts_as_cgt=false) only with CgtOnly=false.
        var fdaCgt = ApprovalStatistics.Compute(kb, new ApprovalQuery { Agency = "FDA", AsOf = date });
        var fdaAll = ApprovalStatistics.Compute(kb, new ApprovalQuery { Agency = "FDA", AsOf = date, CgtOnly = false });
        Assert.Equal(43, fdaCgt.Total.Count);
        Assert.True(fdaAll.Total.Count > fdaCgt.Total.Count);
        var cber = ApprovalStatistics.Compute(kb, new ApprovalQuery { Agency = "FDA", AsOf = date, CgtOnly = false, ExcludeSmallNucleicAcids = true });
        Assert.Equal(45, cber.Total.Count);

        // Distinct products across agencies count a product once.
        var distinct = ApprovalStatistics.DistinctProducts(kb, new ApprovalQuery { AsOf = date });
        Assert.Equal(kb.Products.Where(p => p.CountsAsCgt && p.ApprovalDate <= date).Select(p => p.ProductKey).Distinct().Count(), distinct.Count);
    }

    [Fact]
    public void As_of_uses_the_first_day_of_the_precision_period()
    {
        // Hrain (Q3 2025 → 2025-07-01) counts from 1 July, not before.
        Assert.DoesNotContain("nmpa-hrain-cd19-car-t", Nmpa("2025-06-30").Total.Ids);
        Assert.Contains("nmpa-hrain-cd19-car-t", Nmpa("2025-07-01").Total.Ids);
        // Gendicine (year 2003) counts from 2003-01-01.
        Assert.Equal(["nmpa-gendicine"], Nmpa("2003-01-01").Total.Ids);
    }
}
