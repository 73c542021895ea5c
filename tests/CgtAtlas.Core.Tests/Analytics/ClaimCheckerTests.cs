using CgtAtlas.Analytics;
using CgtAtlas.Core.Tests.Knowledge;
using CgtAtlas.Knowledge;

namespace CgtAtlas.Core.Tests.Analytics;

/// <summary>Hand-made claims standing in for the fact extractor's output.</summary>
public sealed class ClaimCheckerTests
{
    private static readonly ClaimChecker s_checker = new(KnowledgeFixture.Kb, KnowledgeFixture.Classifier);
    private static readonly DateOnly s_bluebookDay = new(2025, 9, 16);

    private static ClaimVerdict Check(ClaimInput claim, DateOnly? documentDate = null) => s_checker.Check(claim, documentDate ?? s_bluebookDay);

    [Fact]
    public void Article_that_agrees()
    {
        // 2025-09-16: "截至目前，我国已批准14款CGT产品上市，包括7款CAR-T、3款小核酸药物…；近三年获批9款。"
        var claims = new[]
        {
            new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 14, Unit = "products", Region = "中国", Paragraph = 2, Evidence = "我国已批准14款CGT产品上市" },
            new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 7, Modality = "CAR-T", Agency = "NMPA", Paragraph = 2 },
            new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 3, Modality = "小核酸药物", Agency = "国家药监局", Paragraph = 2 },
            new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 2, Modality = "gene therapy", Agency = "NMPA", Paragraph = 2 },
            new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 9, Agency = "NMPA", WindowYears = 3, Paragraph = 3 },
            new ClaimInput { Kind = ClaimKinds.TrialCount, Value = 2000, Unit = "trials", Qualifier = Qualifier.Approx, Region = "全球", Paragraph = 4 },
            new ClaimInput { Kind = ClaimKinds.TrialShare, Value = 50, Unit = "percent", Qualifier = Qualifier.Over, Region = "China", Paragraph = 4 },
            new ClaimInput { Kind = ClaimKinds.Price, Value = 1_200_000, Unit = "元", Subject = "奕凯达", Paragraph = 5 },
            new ClaimInput { Kind = ClaimKinds.Price, Value = 1_000_000, Unit = "CNY", Qualifier = Qualifier.Over, Modality = "CAR-T", Agency = "NMPA", Paragraph = 5 },
            new ClaimInput { Kind = ClaimKinds.ApprovalDate, Subject = "阿基仑赛注射液", Agency = "NMPA", DateValue = new DateOnly(2021, 6, 1), DatePrecision = DatePrecision.Month, Paragraph = 6 },
            new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 139, Qualifier = Qualifier.AtLeast, Region = "global", Paragraph = 7 },
        };
        var verdicts = s_checker.Check(claims, s_bluebookDay);
        Assert.All(verdicts, v => Assert.True(v.Verdict == ClaimChecker.Agrees, $"[{v.Paragraph}] {v.Kind} {v.Claimed} vs {v.Known}: {v.Verdict} ({v.Note})"));

        Assert.Equal(14, verdicts[0].Records.Count);
        Assert.StartsWith("14 (7 CAR-T, 3 small nucleic acid", verdicts[0].Known, StringComparison.Ordinal);
        Assert.Contains("nmpa-hrain-cd19-car-t", verdicts[0].Note, StringComparison.Ordinal); // the quarter-precision date is flagged
        Assert.Equal(3, verdicts[2].Records.Count);
        Assert.Equal(["cgt-trials-global-2025"], verdicts[5].Records);
        Assert.Equal(["cgt-trials-china-share-2025"], verdicts[6].Records);
        Assert.Equal(["nmpa-axi-cel"], verdicts[7].Records);
        Assert.Contains("999000", verdicts[8].Note, StringComparison.Ordinal); // the exception is named
        Assert.Equal("2021-06-22 (NMPA)", verdicts[9].Known);
        Assert.Equal(["asgct-cgt-products-approved-worldwide-2025"], verdicts[10].Records);
    }

    [Fact]
    public void Article_that_disagrees()
    {
        var claims = new[]
        {
            new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 8, Modality = "CAR-T", Agency = "NMPA" },
            new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 13, Region = "China" },
            new ClaimInput { Kind = ClaimKinds.Price, Value = 1_200_000, Unit = "CNY", Subject = "源瑞达" },
            new ClaimInput { Kind = ClaimKinds.Price, Value = 1_000_000, Unit = "CNY", Qualifier = Qualifier.Over, Modality = "CAR-T", Agency = "NMPA", Quantifier = "all" },
            new ClaimInput { Kind = ClaimKinds.ApprovalDate, Subject = "Yescarta", Agency = "NMPA", DateValue = new DateOnly(2020, 1, 1), DatePrecision = DatePrecision.Year },
            new ClaimInput { Kind = ClaimKinds.TrialCount, Value = 3000, Qualifier = Qualifier.Approx, Region = "global" },
        };
        var verdicts = s_checker.Check(claims, s_bluebookDay);
        Assert.All(verdicts, v => Assert.True(v.Verdict == ClaimChecker.Disagrees, $"{v.Kind} {v.Claimed} vs {v.Known}: {v.Verdict} ({v.Note})"));
        Assert.Equal("7", verdicts[0].Known);
        Assert.Equal("999000 CNY", verdicts[2].Known);
    }

    [Fact]
    public void The_document_date_sets_the_as_of_date()
    {
        var claim = new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 14, Agency = "NMPA" };
        Assert.Equal(ClaimChecker.Agrees, s_checker.Check(claim, new DateOnly(2025, 9, 16)).Verdict);
        var june = s_checker.Check(claim, new DateOnly(2025, 6, 30));
        Assert.Equal(ClaimChecker.Disagrees, june.Verdict); // "14" vs 13 disagrees
        Assert.StartsWith("13", june.Known, StringComparison.Ordinal);
        Assert.Equal(ClaimChecker.Agrees, s_checker.Check(claim with { Value = 15 }, new DateOnly(2025, 12, 31)).Verdict);
        Assert.Equal(ClaimChecker.Agrees, s_checker.Check(claim with { Date = new DateOnly(2025, 9, 16) }, new DateOnly(2026, 3, 1)).Verdict);
    }

    [Fact]
    public void Unverifiable_claims_say_why()
    {
        var scope = Check(new ClaimInput
        {
            Kind = ClaimKinds.Statistic, Metric = "cgt_ind_applications_reviewed", Value = 765, Region = "China", Scope = "new-drug IND applications",
        }, new DateOnly(2025, 7, 15));
        Assert.Equal(ClaimChecker.Unverifiable, scope.Verdict);
        Assert.Contains("scope mismatch", scope.Note, StringComparison.Ordinal);

        var bound = Check(new ClaimInput { Kind = ClaimKinds.Statistic, Metric = "trials_underway", Value = 3200, Region = "global" }, new DateOnly(2025, 10, 1));
        Assert.Equal(ClaimChecker.Unverifiable, bound.Verdict); // reported "over 3,200" cannot confirm exactly 3,200
        var over = Check(new ClaimInput { Kind = ClaimKinds.Statistic, Metric = "trials_underway", Value = 3000, Qualifier = Qualifier.Over, Region = "global" }, new DateOnly(2025, 10, 1));
        Assert.Equal(ClaimChecker.Agrees, over.Verdict); // but supports "over 3,000"

        var stale = Check(new ClaimInput { Kind = ClaimKinds.TrialCount, Value = 2000, Qualifier = Qualifier.Approx, Region = "global" }, new DateOnly(2023, 1, 1));
        Assert.Equal(ClaimChecker.Unverifiable, stale.Verdict);
        Assert.Contains("days from", stale.Note, StringComparison.Ordinal);

        var undated = Check(new ClaimInput { Kind = ClaimKinds.Statistic, Metric = "small_nucleic_acid_drugs_approved", Value = 23, Region = "global" });
        Assert.Equal(ClaimChecker.Unverifiable, undated.Verdict);

        Assert.Equal(ClaimChecker.Unverifiable, Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 1, Unit = "CNY", Subject = "Nowhere-cel" }).Verdict);
        Assert.Equal(ClaimChecker.Unverifiable, Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 373000, Unit = "USD", Subject = "Yescarta" }).Verdict);
        var exact139 = Check(new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 139, Region = "worldwide" });
        Assert.Equal(ClaimChecker.Unverifiable, exact139.Verdict); // "at least 139" reported
    }

    [Theory]
    [InlineData(2000, Qualifier.Approx, 1950, "agrees")] // "about 2,000" vs 1,950
    [InlineData(2000, Qualifier.Approx, 2101, "disagrees")]
    [InlineData(14, Qualifier.Exact, 13, "disagrees")] // "14" vs 13
    [InlineData(14, Qualifier.Exact, 14, "agrees")]
    [InlineData(10, Qualifier.Over, 14, "agrees")]
    [InlineData(14, Qualifier.Over, 14, "disagrees")]
    [InlineData(14, Qualifier.AtLeast, 14, "agrees")]
    [InlineData(20, Qualifier.Under, 14, "agrees")]
    [InlineData(50, Qualifier.Approx, 52.5, "agrees")] // about 50 % accepts 47.5–52.5
    [InlineData(50, Qualifier.Approx, 47.4, "disagrees")]
    public void Tolerances(double claimed, Qualifier qualifier, double known, string verdict) =>
        Assert.Equal(verdict, ClaimChecker.CompareValues((decimal)claimed, qualifier, (decimal)known));

    [Fact]
    public void Approval_date_precision_is_respected()
    {
        // Hrain CD19 CAR-T: known only to Q3 2025.
        var inQuarter = Check(new ClaimInput { Kind = ClaimKinds.ApprovalDate, Subject = "雷尼基奥仑赛", DateValue = new DateOnly(2025, 8, 1), DatePrecision = DatePrecision.Month });
        Assert.Equal(ClaimChecker.Unverifiable, inQuarter.Verdict);
        var year = Check(new ClaimInput { Kind = ClaimKinds.ApprovalDate, Subject = "雷尼基奥仑赛", DateValue = new DateOnly(2025, 1, 1), DatePrecision = DatePrecision.Year });
        Assert.Equal(ClaimChecker.Agrees, year.Verdict);
        // Without an agency any agency's first approval may match: Kymriah, FDA 2017.
        var kymriah = Check(new ClaimInput { Kind = ClaimKinds.ApprovalDate, Subject = "Kymriah", DateValue = new DateOnly(2017, 1, 1), DatePrecision = DatePrecision.Year });
        Assert.Equal(ClaimChecker.Agrees, kymriah.Verdict);
    }

    [Fact]
    public void Superlative_prices_are_compared_with_the_extreme_not_the_median()
    {
        // NMPA CAR-T list prices run from 999,000 to 1,500,000 CNY; the median is far from both ends.
        var highest = Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 1_500_000, Unit = "CNY", Qualifier = Qualifier.Approx, Modality = "CAR-T", Agency = "NMPA", Quantifier = "max" });
        var lowest = Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 1_000_000, Unit = "CNY", Qualifier = Qualifier.Approx, Modality = "CAR-T", Agency = "NMPA", Quantifier = "min" });
        var wrongHighest = Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 1_200_000, Unit = "CNY", Modality = "CAR-T", Agency = "NMPA", Quantifier = "max" });

        Assert.Equal(ClaimChecker.Agrees, highest.Verdict);
        Assert.Equal(ClaimChecker.Agrees, lowest.Verdict);
        Assert.Equal(ClaimChecker.Disagrees, wrongHighest.Verdict);
    }

    [Fact]
    public void Approximate_prices_allow_ten_percent()
    {
        // 倍诺达 lists at 1.29M: "约120万元" is 7.5 % below the claim's ±10 %, "约115万元" 12 % off.
        Assert.Equal(ClaimChecker.Agrees, Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 1_200_000, Unit = "CNY", Qualifier = Qualifier.Approx, Subject = "倍诺达" }).Verdict);
        Assert.Equal(ClaimChecker.Disagrees, Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 1_150_000, Unit = "CNY", Qualifier = Qualifier.Approx, Subject = "倍诺达" }).Verdict);
    }

    [Fact]
    public void A_price_per_course_is_not_compared_with_a_price_per_dose()
    {
        var course = Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 158_000, Unit = "CNY", Qualifier = Qualifier.Approx, Subject = "艾米迈托赛注射液", PriceBasis = "course" });
        var dose = Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 19_800, Unit = "CNY", Qualifier = Qualifier.Approx, Subject = "艾米迈托赛注射液", PriceBasis = "dose" });

        Assert.Equal(ClaimChecker.Unverifiable, course.Verdict);
        Assert.Contains("per course", course.Note, StringComparison.Ordinal);
        Assert.Equal(ClaimChecker.Agrees, dose.Verdict);

        // A list price without a stated basis is the price of one dose (one infusion for CAR-T).
        var perInfusion = Check(new ClaimInput { Kind = ClaimKinds.Price, Value = 1_500_000, Unit = "CNY", Modality = "CAR-T", Agency = "NMPA", Quantifier = "max", PriceBasis = "dose" });
        Assert.Equal(ClaimChecker.Agrees, perInfusion.Verdict);
    }

    [Fact]
    public void A_worldwide_count_of_one_class_is_unverifiable()
    {
        var siRna = Check(new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 23, Qualifier = Qualifier.Approx, Modality = "小核酸药物", Region = "global" });
        Assert.Equal(ClaimChecker.Unverifiable, siRna.Verdict);
        Assert.Null(siRna.Known);
    }

    [Fact]
    public void A_claim_whose_class_is_unresolved_is_unverifiable()
    {
        var verdict = Check(new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 3, Agency = "NMPA", Unresolved = "class unknown" });
        Assert.Equal(ClaimChecker.Unverifiable, verdict.Verdict);
        Assert.Equal("class unknown", verdict.Note);
    }

    [Fact]
    public void A_count_is_checked_as_of_its_own_date_and_a_later_change_is_noted()
    {
        // "2025年9月…14款" in a piece published 2025-11-08; the KB has 15 by then.
        var verdict = Check(new ClaimInput { Kind = ClaimKinds.ApprovalCount, Value = 14, Agency = "NMPA", Date = new DateOnly(2025, 9, 30) }, new DateOnly(2025, 11, 8));
        Assert.Equal(ClaimChecker.Agrees, verdict.Verdict);
        Assert.Contains("changed between 2025-09-30 and publication", verdict.Note, StringComparison.Ordinal);
        Assert.Contains("14 then, 15 at publication", verdict.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 9, 25)]
    [InlineData(2025, 10, 2)]
    [InlineData(2025, 9, 16)]
    public void One_trial_claim_gets_one_verdict_whatever_the_publication_day(int year, int month, int day)
    {
        // Two reports near September 2025: "about 2,000" CGT trials (09-16) and "over 3,200" gene/cell/RNA trials (09-30).
        var verdict = Check(new ClaimInput { Kind = ClaimKinds.TrialCount, Value = 2000, Unit = "trials", Qualifier = Qualifier.Approx, Region = "global" }, new DateOnly(year, month, day));
        Assert.Equal(ClaimChecker.Agrees, verdict.Verdict);
        Assert.Equal(["cgt-trials-global-2025"], verdict.Records);
    }

    [Fact]
    public void A_report_of_another_date_is_context_not_a_contradiction()
    {
        // "about 2,500 trials" in a piece of 2025-10-12: the nearest report (over 3,200, 2025-09-30) is 12 days off.
        var verdict = Check(new ClaimInput { Kind = ClaimKinds.TrialCount, Value = 2500, Unit = "trials", Qualifier = Qualifier.Approx, Region = "global" }, new DateOnly(2025, 10, 12));
        Assert.Equal(ClaimChecker.Unverifiable, verdict.Verdict);
        Assert.Contains("context", verdict.Note, StringComparison.Ordinal);
    }
}
