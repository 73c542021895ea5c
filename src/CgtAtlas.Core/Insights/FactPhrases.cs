using System.Globalization;
using System.Text.RegularExpressions;
using CgtAtlas.Facts;

namespace CgtAtlas.Insights;

/// <summary>
/// Renders facts as bullet clauses in English or Chinese, one template per fact kind. Numbers are written in a
/// notation <see cref="CitationVerifier"/> can trace back to the source (1.2 million yuan, 120万元, US$1.5 billion,
/// 50%), and templates use no spelled-out numerals of their own.
/// </summary>
internal static partial class FactPhrases
{
    [GeneratedRegex(
        @"^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*$|^\s*(?:年|月|日|号)",
        RegexOptions.CultureInvariant)]
    private static partial Regex MonthName { get; }

    /// <summary>
    /// Kinds rendered from facts; other kinds (plain quantities, durations, efficacy) keep the source sentence. A
    /// figure whose every spelling in the evidence is part of a date (18 October, 6月30日) is not rendered: a sanity
    /// check against reading a day of the month as an amount.
    /// </summary>
    public static bool IsRenderable(Fact fact) => IsRenderableKind(fact) && !OnlyInDates(fact);

    private static bool OnlyInDates(Fact fact)
    {
        if (fact.Value is not { } v || fact.Unit is not ("count" or null) || v != Math.Floor(v) || v > 31)
        {
            return false;
        }

        var digits = v.ToString(CultureInfo.InvariantCulture);
        var e = fact.Evidence;
        var any = false;
        for (var at = e.IndexOf(digits, StringComparison.Ordinal); at >= 0; at = e.IndexOf(digits, at + 1, StringComparison.Ordinal))
        {
            var end = at + digits.Length;
            if ((at > 0 && char.IsAsciiDigit(e[at - 1])) || (end < e.Length && char.IsAsciiDigit(e[end])))
            {
                continue;
            }

            any = true;
            if (!MonthName.IsMatch(e[end..Math.Min(e.Length, end + 12)]) && !MonthName.IsMatch(e[Math.Max(0, at - 12)..at]))
            {
                return false;
            }
        }

        return any;
    }

    private static bool IsRenderableKind(Fact fact) => fact.Kind switch
    {
        FactKinds.TrialCount or FactKinds.Share or FactKinds.ApprovalCount or FactKinds.ApplicationCount or FactKinds.ReviewTime
            or FactKinds.Price or FactKinds.DealValue or FactKinds.MarketSize or FactKinds.Funding or FactKinds.Revenue
            or FactKinds.Growth or FactKinds.Forecast => fact.Value is not null,
        FactKinds.ApprovalEvent or FactKinds.Policy or FactKinds.Platform => !string.IsNullOrWhiteSpace(fact.Product),
        _ => false,
    };

    /// <summary>One clause for a fact. <paramref name="previous"/> is the fact rendered just before in the same bullet.</summary>
    /// <param name="fact">The fact.</param>
    /// <param name="zh">Chinese when true, else English.</param>
    /// <param name="previous">The preceding fact in the bullet (continuation phrasing), or null.</param>
    /// <param name="dateDetail">2 = year and month, 1 = year, 0 = no date.</param>
    public static string? Clause(Fact fact, bool zh, Fact? previous, int dateDetail) => zh ? Zh(fact, previous, dateDetail) : En(fact, previous, dateDetail);

    /// <summary>The parts of a breakdown ("including 7 CAR-T, 3 small nucleic acid …").</summary>
    public static string? Breakdown(Fact head, IReadOnlyList<Fact> parts, bool zh)
    {
        // "765件申请,其中批准553件": the part is the approved share of the applications, not a count of products.
        if (head.Kind == FactKinds.ApplicationCount && parts.FirstOrDefault(p => p.Kind == FactKinds.ApprovalCount && p.Value is not null) is { } approved)
        {
            return Approved(approved, zh);
        }

        var labelled = parts.Where(p => p.Value is not null && p.Modality is not null && Class(p) != Class(head)).ToList();
        labelled = labelled.Where(p => labelled.Count(o => Class(o) == Class(p)) == 1).ToList();
        if (labelled.Count == 0)
        {
            return null;
        }

        if (zh)
        {
            return "其中" + string.Join("、", labelled.Select(p => $"{WithTarget(p.Target, ModalityZh(p.Modality))}{Num(p.Value!.Value)}{CounterZh(p.Kind)}"));
        }

        var items = labelled.Select(p => $"{Num(p.Value!.Value)} {WithTarget(p.Target, ModalityEn(p.Modality))}").ToList();
        return "including " + (items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1]);
    }

    private static string Approved(Fact part, bool zh) =>
        zh ? $"其中获批{QuantityZh(part)}件" : $"of which {QuantityEn(part)} were approved";

    /// <summary>True when a part counts alike with its whole: nothing in a breakdown could tell them apart.</summary>
    public static bool SameClass(Fact a, Fact b) => a.Kind == b.Kind && Class(a) == Class(b);

    private static string? En(Fact f, Fact? previous, int dateDetail)
    {
        if (f.Kind == FactKinds.ApprovalCount && previous?.Kind == FactKinds.ApplicationCount && f.Value is not null)
        {
            return Approved(f, zh: false);
        }

        var qv = QuantityEn(f);
        var modality = WithTarget(f.Target, ModalityEn(f.Modality));
        var region = RegionEn(f.Region);
        var agency = f.Agency;
        var asOf = DateEn(f.Date, dateDetail);
        string? clause = f.Kind switch
        {
            FactKinds.TrialCount => previous is null
                ? f.Value >= 100
                    ? $"{Cap(Join(RegionAdjEn(f.Region), modality))} clinical trials have reached {qv}".Trim()
                    : $"{Cap(qv)} {Join(modality, "clinical trials")} are reported{In(region)}"
                : $"{qv} {Join(modality, "clinical trials")}{In(region)}",
            FactKinds.Share => previous is not null
                ? $"with {region ?? modality ?? "the segment"} accounting for {qv}{(region is not null && modality is not null && modality != ModalityEn(previous.Modality) ? " in " + modality : string.Empty)}"
                : $"{Cap(region is not null ? region + "'s share" + (modality is null ? string.Empty : " of " + modality) : (modality ?? "the") + " share")} is {qv}",
            FactKinds.ApprovalCount => agency is not null
                ? $"The {agency} has approved {qv} {Join(modality, "products")}"
                : $"{Cap(qv)} {Join(modality, "products")} have been approved{(f.Region == "global" ? " worldwide" : In(region))}",
            FactKinds.ApplicationCount => $"{qv} {Join(modality, "applications")}{(agency is null ? string.Empty : " at the " + agency)}",
            FactKinds.ReviewTime => $"{(agency is null ? "The" : "The " + agency)} review clock is {qv}",
            FactKinds.Price => $"{Cap(f.Product ?? (modality is null ? "the therapy" : modality + " therapies"))} {(f.Product is null && modality is not null ? "cost" : "costs")} {qv}",
            FactKinds.DealValue => $"{(f.Company is null ? "A deal" : f.Company + "'s deal")} is worth {qv}",
            FactKinds.MarketSize => $"{Cap(Join(RegionAdjEn(f.Region), Join(modality, "market")))} is worth {qv}",
            FactKinds.Funding => $"{f.Company ?? "The company"} raised {qv}",
            FactKinds.Revenue => $"{Cap(f.Product ?? f.Company ?? Join(modality, "sales"))} {(f.Product is null && f.Company is null ? "reached" : "had sales of")} {qv}",
            FactKinds.Growth => f.Value < 0
                ? $"{Cap(Join(region, modality) is { Length: > 0 } s ? s : "the figure")} fell by {qv}"
                : $"{Cap(Join(region, modality) is { Length: > 0 } s2 ? s2 : "the figure")} grew by {qv}",
            FactKinds.Forecast => $"{Cap(Join(RegionAdjEn(f.Region), modality) is { Length: > 0 } s3 ? s3 : "the figure")} is expected to reach {qv}{(f.Date is { Length: >= 4 } && dateDetail > 0 ? " by " + f.Date[..4] : string.Empty)}",
            FactKinds.ApprovalEvent => $"{(agency is null ? "Regulators" : "The " + agency)} approved {f.Product}{(modality is null ? string.Empty : " (" + modality + ")")}",
            FactKinds.Policy => $"{(agency is null ? "Regulators" : "The " + agency)} issued {Titled(f.Product!)}",
            FactKinds.Platform => $"{f.Company ?? "A developer"} launched the {f.Product} platform",
            _ => null,
        };
        if (clause is null)
        {
            return null;
        }

        if (f.Kind is not (FactKinds.TrialCount or FactKinds.ApprovalCount or FactKinds.ApplicationCount or FactKinds.Share))
        {
            // "As of" suits a running count; an event, price or deal is simply dated.
            asOf = asOf.Replace("(as of ", "(", StringComparison.Ordinal);
        }

        return f.Kind is FactKinds.Forecast || asOf.Length == 0 || previous is not null ? clause : clause + " " + asOf;
    }

    private static string? Zh(Fact f, Fact? previous, int dateDetail)
    {
        if (f.Kind == FactKinds.ApprovalCount && previous?.Kind == FactKinds.ApplicationCount && f.Value is not null)
        {
            return Approved(f, zh: true);
        }

        var qv = QuantityZh(f);
        var modality = WithTarget(f.Target, ModalityZh(f.Modality));
        var region = RegionZh(f.Region);
        var agency = AgencyZh(f.Agency);
        var asOf = DateZh(f.Date, dateDetail);
        string? clause = f.Kind switch
        {
            FactKinds.TrialCount => previous is null ? $"{region}{modality}临床试验{qv}项" : $"{region}{modality}临床试验{qv}项",
            FactKinds.Share => previous is not null
                ? $"其中{(region.Length > 0 ? region : modality)}占比{qv}"
                : $"{region}{modality}占比{qv}",
            FactKinds.ApprovalCount => $"{(agency.Length > 0 ? agency : region)}已批准{modality}产品{qv}款",
            FactKinds.ApplicationCount => $"{agency}{modality}申请{qv}件",
            FactKinds.ReviewTime => $"{agency}审评时限为{qv}",
            FactKinds.Price => $"{f.Product ?? (modality.Length == 0 ? "该疗法" : modality.EndsWith("治疗", StringComparison.Ordinal) ? modality : modality + "疗法")}价格{qv}",
            FactKinds.DealValue => $"{f.Company ?? string.Empty}交易金额{qv}",
            FactKinds.MarketSize => $"{region}{modality}市场规模{qv}",
            FactKinds.Funding => $"{f.Company ?? "企业"}融资{qv}",
            FactKinds.Revenue => $"{f.Product ?? f.Company ?? modality}销售额{qv}",
            FactKinds.Growth => $"{region}{modality}{(f.Value < 0 ? "下降" : "增长")}{qv}",
            FactKinds.Forecast => $"预计{(f.Date is { Length: >= 4 } && dateDetail > 0 ? "到" + f.Date[..4] + "年" : string.Empty)}{region}{modality}将达到{qv}",
            FactKinds.ApprovalEvent => $"{(agency.Length > 0 ? agency : "监管机构")}批准{f.Product}{(modality.Length > 0 ? "(" + modality + ")" : string.Empty)}",
            FactKinds.Policy => $"{(agency.Length > 0 ? agency : "监管机构")}发布{Titled(f.Product!)}",
            FactKinds.Platform => $"{f.Company ?? string.Empty}推出{f.Product}平台",
            _ => null,
        };
        if (clause is null)
        {
            return null;
        }

        if (f.Kind is not (FactKinds.TrialCount or FactKinds.ApprovalCount or FactKinds.ApplicationCount or FactKinds.Share))
        {
            asOf = asOf.Replace("截至", string.Empty, StringComparison.Ordinal);
        }

        return f.Kind is FactKinds.Forecast || asOf.Length == 0 || previous is not null ? clause : asOf + "," + clause;
    }

    private static string QuantityEn(Fact f)
    {
        var v = Math.Abs(f.Value ?? 0);
        var q = f.Qualifier switch
        {
            "approx" => "about ",
            "over" => "over ",
            "at_least" => "at least ",
            "under" => "under ",
            "at_most" => "up to ",
            _ => string.Empty,
        };
        var amount = f.Unit switch
        {
            "percent" => Num(v) + "%",
            "percentage_points" => Num(v) + " percentage points",
            "fold" => Num(v) + "-fold",
            "days" => Num(v) + " days",
            "working_days" => Num(v) + " working days",
            "weeks" => Num(v) + " weeks",
            "months" => Num(v) + " months",
            "years" => Num(v) + " years",
            "hours" => Num(v) + " hours",
            "patients" => Num(v) + " patients",
            "CNY" => Scaled(v) + " yuan",
            "USD" => "US$" + Scaled(v),
            "EUR" => "€" + Scaled(v),
            "HKD" => "HK$" + Scaled(v),
            "GBP" => "£" + Scaled(v),
            "JPY" => Scaled(v) + " yen",
            _ => Num(v),
        };
        return q + amount;
    }

    private static string QuantityZh(Fact f)
    {
        var v = Math.Abs(f.Value ?? 0);
        var q = f.Qualifier switch
        {
            "approx" => "约",
            "over" => "超过",
            "at_least" => "至少",
            "under" => "不到",
            "at_most" => "最多",
            _ => string.Empty,
        };
        var amount = f.Unit switch
        {
            "percent" => Num(v) + "%",
            "percentage_points" => Num(v) + "个百分点",
            "fold" => Num(v) + "倍",
            "days" => Num(v) + "天",
            "working_days" => Num(v) + "个工作日",
            "weeks" => Num(v) + "周",
            "months" => Num(v) + "个月",
            "years" => Num(v) + "年",
            "hours" => Num(v) + "小时",
            "patients" => Num(v) + "名患者",
            "CNY" => ScaledZh(v) + "元",
            "USD" => ScaledZh(v) + "美元",
            "EUR" => ScaledZh(v) + "欧元",
            "HKD" => ScaledZh(v) + "港元",
            "GBP" => ScaledZh(v) + "英镑",
            "JPY" => ScaledZh(v) + "日元",
            _ => Num(v),
        };
        return q + amount;
    }

    /// <summary>A number with thousands separators and at most two decimals (2,000; 1.2; 33.33).</summary>
    public static string Num(double v) => v.ToString(v == Math.Floor(v) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);

    private static string Scaled(double v) =>
        v >= 1e9 ? Num(Math.Round(v / 1e9, 2)) + " billion"
        : v >= 1e6 ? Num(Math.Round(v / 1e6, 2)) + " million"
        : Num(v);

    private static string ScaledZh(double v) =>
        v >= 1e8 ? Num(Math.Round(v / 1e8, 2)) + "亿"
        : v >= 1e4 ? Num(Math.Round(v / 1e4, 2)) + "万"
        : Num(v);

    private static string CounterZh(string kind) => kind switch
    {
        FactKinds.TrialCount => "项",
        FactKinds.ApplicationCount => "件",
        _ => "款",
    };

    private static string DateEn(string? iso, int detail)
    {
        if (iso is not { Length: >= 4 } || detail == 0)
        {
            return string.Empty;
        }

        if (detail >= 2 && iso.Length >= 7 && int.TryParse(iso.AsSpan(5, 2), CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            return $"(as of {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {iso[..4]})";
        }

        return $"(as of {iso[..4]})";
    }

    private static string DateZh(string? iso, int detail)
    {
        if (iso is not { Length: >= 4 } || detail == 0)
        {
            return string.Empty;
        }

        if (detail >= 2 && iso.Length >= 7 && int.TryParse(iso.AsSpan(5, 2), CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            return $"截至{iso[..4]}年{month.ToString(CultureInfo.InvariantCulture)}月";
        }

        return $"截至{iso[..4]}年";
    }

    /// <summary>A Chinese document title gets 《》 (unless it has them); English titles stay as written.</summary>
    private static string Titled(string title) =>
        title.StartsWith('《') || !title.Any(c => c is >= '\u4e00' and <= '\u9fff') ? title : "《" + title + "》";

    /// <summary>True when two facts say the same kind of thing about the same subject (a second value, a range end).</summary>
    public static bool SameSubject(Fact a, Fact b) =>
        a.Kind == b.Kind && a.Modality == b.Modality && a.Target == b.Target && a.Region == b.Region && a.Agency == b.Agency && a.Product == b.Product && a.Company == b.Company;

    /// <summary>Only the amount of a fact ("about 1.5 million yuan" / "约150万元").</summary>
    public static string Amount(Fact fact, bool zh) => zh ? QuantityZh(fact) : QuantityEn(fact);

    private static string Join(string? a, string? b) => string.Join(" ", new[] { a, b }.Where(s => !string.IsNullOrEmpty(s)));

    private static string In(string? region) => region is null ? string.Empty : " in " + region;

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string? ModalityEn(string? modality) => modality;

    // A count limited to one antigen names it with the class ("3 BCMA CAR-T products"), never as the whole class.
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(modality))]
    private static string? WithTarget(string? target, string? modality) =>
        target is null ? modality : string.IsNullOrEmpty(modality) ? target : target + " " + modality;

    private static (string? Target, string? Modality) Class(Fact f) => (f.Target, f.Modality);

    private static string? RegionEn(string? region) => region switch
    {
        "CN" => "China",
        "global" => "the world",
        "US" => "the US",
        "EU" => "the EU",
        "JP" => "Japan",
        _ => region,
    };

    private static string? RegionAdjEn(string? region) => region switch
    {
        "CN" => "China's",
        "global" => "global",
        "US" => "US",
        "EU" => "EU",
        "JP" => "Japan's",
        _ => region,
    };

    /// <summary>Chinese name of a canonical modality (empty when none).</summary>
    public static string ModalityZh(string? modality) => modality switch
    {
        null => string.Empty,
        "CGT" => "细胞与基因治疗",
        "cell therapy" => "细胞治疗",
        "gene therapy" => "基因治疗",
        "stem cell" => "干细胞",
        "small nucleic acid" => "小核酸",
        "gene editing" => "基因编辑",
        "oncolytic virus" => "溶瘤病毒",
        _ => modality,
    };

    private static string RegionZh(string? region) => region switch
    {
        null => string.Empty,
        "CN" => "中国",
        "global" => "全球",
        "US" => "美国",
        "EU" => "欧盟",
        "JP" => "日本",
        _ => region,
    };

    private static string AgencyZh(string? agency) => agency switch
    {
        null => string.Empty,
        "NMPA" => "国家药监局",
        "CDE" => "药审中心(CDE)",
        "NHSA" => "国家医保局",
        "NHC" => "国家卫健委",
        _ => agency,
    };
}
