using System.Text.RegularExpressions;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Facts;

/// <summary>
/// Decides the kind of a quantity from its unit and the cue words around it. Cues are read in the quantity's own
/// clause first, then in its sentence, because one sentence often holds several facts of different kinds
/// ("市场规模约为30亿元,同比增长超过40%").
/// </summary>
internal static partial class KindClassifier
{
    // Count kinds, in priority order: an IND for a trial is an application, not a trial.
    // "上市申请前阶段", "pre-registration": a stage of development, not an application.
    [GeneratedRegex($$"""申请(?!前)|申报(?!前)|默示许可|获批临床|临床许可|{{B}}INDs?{{B}}|{{B}}NDAs?{{B}}|{{B}}BLAs?{{B}}|(?i:applications?|filings?|submissions?)""", RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationCue { get; }
    [GeneratedRegex($$"""获批|批准|上市(?!申请)|(?i:approv[A-Za-z]*|cleared|authori[sz]ed|{{B}}nods?{{B}}|marketed)""", RegexOptions.CultureInvariant)]
    private static partial Regex ApprovalCue { get; }
    [GeneratedRegex($$"""临床试验|临床研究|试验|(?i:{{B}}trials?{{B}}|{{B}}stud(?:y|ies){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex TrialCue { get; }

    // Nouns that make a count a plain quantity even in a sentence about approvals or trials.
    [GeneratedRegex("""管线|在研项目|在研产品|候选药物|企业|公司|医院|机构|员工|批次|赛道|融资|交易|合作|投资|国家|地区|城市|省份|(?i:pipeline|compan(?:y|ies)|hospitals?|sites|countries|markets|cities|cent(?:er|re)s|employees|staff|deals?|partnerships?|programs?|programmes?|candidates?|investors?|manufactur[A-Za-z]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityNoun { get; }

    // A sentence about a development pipeline counts programmes, whatever stage words (上市申请, trials) it uses.
    [GeneratedRegex($$"""管线|在研|(?i:pipeline|programmes?|{{B}}programs?{{B}}|candidates?|in development)""", RegexOptions.CultureInvariant)]
    private static partial Regex PipelineCue { get; }

    [GeneratedRegex($$"""增长|增加|增幅|增速|同比|环比|提升|上升|下降|减少|下滑|降低|复合增长率|缩短|缩减|(?i:shorten[A-Za-z]*|{{B}}cut{{B}}|{{B}}CAGR{{B}}|increase[sd]?|{{B}}grew{{B}}|{{B}}grow[A-Za-z]*|{{B}}rose{{B}}|{{B}}rise{{B}}|{{B}}rising{{B}}|jump[A-Za-z]*|surge[A-Za-z]*|declin[A-Za-z]*|decrease[sd]?|{{B}}fell{{B}}|{{B}}fall{{B}}|{{B}}drop[A-Za-z]*|{{B}}down{{B}}|(?<![-]){{B}}up{{B}}(?!\s+to{{B}}|-)|year[- ]over[- ]year|year[- ]on[- ]year|{{B}}yoy{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex GrowthCue { get; }
    [GeneratedRegex($$"""下降|减少|下滑|降低|缩短|缩减|(?i:shorten[A-Za-z]*|{{B}}cut{{B}})|(?i:declin[A-Za-z]*|decrease[sd]?|{{B}}fell{{B}}|{{B}}fall{{B}}|{{B}}drop[A-Za-z]*|{{B}}down{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclineCue { get; }
    [GeneratedRegex($$"""缓解|应答|有效率|生存|{{B}}ORR{{B}}|{{B}}CR率|(?i:response rate|responded|remission|survival|efficacy)""", RegexOptions.CultureInvariant)]
    private static partial Regex EfficacyCue { get; }

    [GeneratedRegex($$"""融资|募资|募集|{{B}}IPO{{B}}|[A-E天使]\+?轮|(?i:{{B}}rais(?:e|es|ed|ing){{B}}|funding|financing|series [a-e]{{B}}|{{B}}round{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex FundingCue { get; }
    [GeneratedRegex($$"""交易|首付款|里程碑|授权|许可|合作|收购|并购|(?i:{{B}}deals?{{B}}|upfront|milestones?|licens[A-Za-z]*|royalt[A-Za-z]*|acqui[A-Za-z]*|collaboration|partnership)""", RegexOptions.CultureInvariant)]
    private static partial Regex DealCue { get; }
    [GeneratedRegex("""销售额|营收|收入|销售|(?i:revenue|sales)""", RegexOptions.CultureInvariant)]
    private static partial Regex RevenueCue { get; }
    [GeneratedRegex($$"""市场规模|市场|(?i:{{B}}market{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex MarketCue { get; }
    // Balance-sheet amounts are neither prices nor deals: they stay plain quantities.
    [GeneratedRegex($$"""现金|亏损|净利|投资|研发投入|研发费用|(?i:{{B}}cash{{B}}|net loss|net income|{{B}}loss{{B}}|invest[A-Za-z]*|R&D|expenses?)""", RegexOptions.CultureInvariant)]
    private static partial Regex OtherMoneyCue { get; }
    [GeneratedRegex($$"""价格|定价|费用|售价|元/|/针|/剂|(?i:{{B}}price[ds]?{{B}}|{{B}}costs?{{B}}|per (?:treatment|dose|patient|infusion))""", RegexOptions.CultureInvariant)]
    private static partial Regex PriceCue { get; }

    // A named price word outranks a bare "market" ("美国市场CAR-T的标价", "list prices in the US market"); only a
    // market's size, value or worth makes an amount a market size.
    [GeneratedRegex($$"""价格|定价|标价|售价|(?i:{{B}}(?:list\s+)?price[ds]?{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex PriceWord { get; }
    [GeneratedRegex($$"""市场规模|市场价值|(?i:market\s+(?:size|value|worth)|{{B}}market\s+(?:is|was|will be)\s+(?:worth|valued))""", RegexOptions.CultureInvariant)]
    private static partial Regex MarketSizeCue { get; }

    [GeneratedRegex($$"""审评(?!中心)|审批|(?i:{{B}}review[A-Za-z]*|implied|objection|{{B}}clock{{B}}|PDUFA)""", RegexOptions.CultureInvariant)]
    private static partial Regex ReviewCue { get; }
    [GeneratedRegex($$"""征求意见|(?i:comments?{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex CommentCue { get; }

    /// <summary>Words that announce a projection (the caller adds "by a future year").</summary>
    [GeneratedRegex($$"""预计|预测|有望|将达到?|将有|将超过|(?i:{{B}}expected{{B}}|projected|forecast[A-Za-z]*|predict[A-Za-z]*|estimated to|will reach|would reach|will grow|is set to|anticipated|{{B}}expects?{{B}}|guides?{{B}}|outlook)""", RegexOptions.CultureInvariant)]
    public static partial Regex ForecastCue { get; }

    /// <summary>The kind of a quantity; <paramref name="clause"/> and <paramref name="sentence"/> include any table header text.</summary>
    public static string Classify(Quantity q, string clause, string sentence, string paragraph, bool forecast)
    {
        var unit = q.Unit;
        if (Units.IsTime(unit))
        {
            if (q.Interval || CommentCue.IsMatch(clause))
            {
                return FactKinds.Duration;
            }

            return ReviewCue.IsMatch(clause) || ReviewCue.IsMatch(sentence) || unit == Units.WorkingDays ? FactKinds.ReviewTime : FactKinds.Duration;
        }

        if (forecast)
        {
            return FactKinds.Forecast;
        }

        if (unit == Units.Patients)
        {
            return FactKinds.PatientCount;
        }

        if (unit == Units.Fold || unit == Units.PercentagePoints)
        {
            return FactKinds.Growth;
        }

        if (unit == Units.Percent)
        {
            if (GrowthCue.IsMatch(clause))
            {
                return FactKinds.Growth;
            }

            return EfficacyCue.IsMatch(clause) ? FactKinds.Efficacy : FactKinds.Share;
        }

        if (Units.IsMoney(unit))
        {
            foreach (var scope in new[] { clause, sentence, paragraph })
            {
                if (MoneyKind(scope) is { } kind)
                {
                    return kind;
                }
            }

            // Money with no cue (投资20亿元建设基地) is some other amount, not a price.
            return FactKinds.Quantity;
        }

        // Counts.
        if (CountKind(clause) is { } k)
        {
            return k;
        }

        if (QuantityNoun.IsMatch(clause))
        {
            return FactKinds.Quantity;
        }

        return PipelineCue.IsMatch(sentence) ? FactKinds.Quantity : CountKind(sentence) ?? FactKinds.Quantity;
    }

    /// <summary>
    /// The count kind named right at a number (<paramref name="segment"/>: its own stretch of the clause), which
    /// overrides the first cue of the clause or of the breakdown's total: in "受理申请765件,其中批准553件" and "reviewed
    /// 765 applications and approved 553 of them" the 553 are approvals. Null when the stretch names none.
    /// </summary>
    public static string? OwnCountKind(string kind, string segment) =>
        kind is FactKinds.ApplicationCount or FactKinds.ApprovalCount or FactKinds.TrialCount ? CountKind(segment) : null;

    /// <summary>True when the clause says the figure fell (the value is then negative).</summary>
    public static bool IsDecline(string clause) => DeclineCue.IsMatch(clause);

    private static string? CountKind(string text) =>
        ApplicationCue.IsMatch(text) ? FactKinds.ApplicationCount
        : ApprovalCue.IsMatch(text) ? FactKinds.ApprovalCount
        : TrialCue.IsMatch(text) ? FactKinds.TrialCount
        : null;

    private static string? MoneyKind(string text) =>
        OtherMoneyCue.IsMatch(text) ? FactKinds.Quantity
        : FundingCue.IsMatch(text) ? FactKinds.Funding
        : DealCue.IsMatch(text) ? FactKinds.DealValue
        : RevenueCue.IsMatch(text) ? FactKinds.Revenue
        : PriceWord.IsMatch(text) && !MarketSizeCue.IsMatch(text) ? FactKinds.Price
        : MarketCue.IsMatch(text) ? FactKinds.MarketSize
        : PriceCue.IsMatch(text) ? FactKinds.Price
        : null;
}
