using System.Globalization;
using CgtAtlas.Facts;

namespace CgtAtlas.Web.Services;

/// <summary>
/// Writes an extracted fact for a reader in English or Chinese: amounts grouped and scaled the way each language
/// counts (1.2 million / 120万), currencies and units in words, qualifiers and kinds translated.
/// </summary>
public static class FactText
{
    private static readonly Dictionary<string, (string En, string Zh)> s_kinds = new(StringComparer.Ordinal)
    {
        [FactKinds.TrialCount] = ("trial count", "试验数量"),
        [FactKinds.Share] = ("share", "占比"),
        [FactKinds.ApprovalCount] = ("approval count", "获批数量"),
        [FactKinds.ApprovalEvent] = ("approval", "获批"),
        [FactKinds.ApplicationCount] = ("application count", "申报数量"),
        [FactKinds.ReviewTime] = ("review time", "审评时间"),
        [FactKinds.Price] = ("price", "价格"),
        [FactKinds.DealValue] = ("deal value", "交易金额"),
        [FactKinds.Growth] = ("growth", "增长"),
        [FactKinds.Policy] = ("policy", "政策"),
        [FactKinds.Platform] = ("platform", "平台"),
        [FactKinds.Forecast] = ("forecast", "预测"),
        [FactKinds.PatientCount] = ("patient count", "患者数量"),
        [FactKinds.MarketSize] = ("market size", "市场规模"),
        [FactKinds.Funding] = ("funding", "融资"),
        [FactKinds.Revenue] = ("revenue", "收入"),
        [FactKinds.Efficacy] = ("efficacy", "疗效"),
        [FactKinds.Duration] = ("duration", "时长"),
        [FactKinds.Quantity] = ("quantity", "数量"),
    };

    // Currency: English prefix symbol (or code suffix when a symbol would be ambiguous, as ¥ is) and Chinese unit word.
    private static readonly Dictionary<string, (string? Symbol, string Zh)> s_currencies = new(StringComparer.Ordinal)
    {
        ["USD"] = ("$", "美元"),
        ["EUR"] = ("€", "欧元"),
        ["GBP"] = ("£", "英镑"),
        ["CNY"] = (null, "元"),
        ["JPY"] = (null, "日元"),
        ["HKD"] = (null, "港元"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> s_units = new(StringComparer.Ordinal)
    {
        ["patients"] = (" patients", "名患者"),
        ["fold"] = ("-fold", "倍"),
        ["days"] = (" days", "天"),
        ["working_days"] = (" working days", "个工作日"),
        ["weeks"] = (" weeks", "周"),
        ["months"] = (" months", "个月"),
        ["years"] = (" years", "年"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> s_qualifiers = new(StringComparer.Ordinal)
    {
        ["approx"] = ("about ", "约"),
        ["over"] = ("over ", "超过"),
        ["at_least"] = ("at least ", "至少"),
        ["under"] = ("under ", "不到"),
        ["at_most"] = ("at most ", "最多"),
    };

    private static readonly Dictionary<string, string> s_regionsZh = new(StringComparer.Ordinal)
    {
        ["CN"] = "中国", ["global"] = "全球", ["US"] = "美国", ["EU"] = "欧盟", ["JP"] = "日本",
    };

    /// <summary>The fact in one line: amount, kind, then its context (modality, product, agency, region, date).</summary>
    public static string Describe(Fact fact, bool zh)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var parts = new List<string>();
        if (fact.Value is { } value)
        {
            var qualifier = fact.Qualifier is not null && s_qualifiers.TryGetValue(fact.Qualifier, out var q) ? (zh ? q.Zh : q.En) : string.Empty;
            parts.Add(qualifier + Amount(value, fact.Unit, zh));
        }

        parts.Add(Kind(fact.Kind, zh));
        var region = zh && fact.Region is not null && s_regionsZh.TryGetValue(fact.Region, out var regionZh) ? regionZh : fact.Region;
        parts.AddRange(new[] { fact.Modality, fact.Product, fact.Agency, region, fact.Date }.Where(c => !string.IsNullOrEmpty(c))!);
        return string.Join(" · ", parts);
    }

    /// <summary>The kind's label in the reader's language (unknown kinds fall back to their code in words).</summary>
    public static string Kind(string kind, bool zh)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return s_kinds.TryGetValue(kind, out var label) ? (zh ? label.Zh : label.En) : kind.Replace('_', ' ');
    }

    /// <summary>A value with its unit: "1.2 million CNY", "$1.2 billion", "50%" in English; "120万元", "12亿美元" in Chinese.</summary>
    public static string Amount(double value, string? unit, bool zh)
    {
        if (unit == "percent")
        {
            return Plain(value) + "%";
        }

        if (unit is not null && s_currencies.TryGetValue(unit, out var currency))
        {
            return zh ? ScaledZh(value) + currency.Zh
                : currency.Symbol is { } symbol ? symbol + ScaledEn(value) : ScaledEn(value) + " " + unit;
        }

        if (unit is not null && s_units.TryGetValue(unit, out var words))
        {
            return (zh ? ScaledZh(value) : ScaledEn(value)) + (zh ? words.Zh : words.En);
        }

        var number = zh ? ScaledZh(value) : ScaledEn(value);
        return unit is null or "count" ? number : number + " " + unit;
    }

    // English counts in thousands: millions and billions read better than nine or ten digits.
    private static string ScaledEn(double value) => Math.Abs(value) switch
    {
        >= 1e9 => Plain(value / 1e9) + " billion",
        >= 1e6 => Plain(value / 1e6) + " million",
        _ => Plain(value),
    };

    // Chinese counts in myriads: 万 (10^4) and 亿 (10^8).
    private static string ScaledZh(double value) => Math.Abs(value) switch
    {
        >= 1e8 => Plain(value / 1e8) + "亿",
        >= 1e4 => Plain(value / 1e4) + "万",
        _ => Plain(value),
    };

    private static string Plain(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
