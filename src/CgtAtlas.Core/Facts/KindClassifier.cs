using System.Text.RegularExpressions;

namespace CgtAtlas.Facts;

/// <summary>
/// Decides the kind of a quantity from its unit and the cue words around it. Cues are read in the quantity's own
/// clause first, then in its sentence, because one sentence often holds several facts of different kinds
/// ("市场规模约为30亿元,同比增长超过40%").
/// </summary>
internal static class KindClassifier
{
    private static Regex R(string pattern) => Rx.Make(pattern);

    // Count kinds, in priority order: an IND for a trial is an application, not a trial.
    private static readonly Regex ApplicationCue = R(@"申请|申报|默示许可|获批临床|临床许可|\bINDs?\b|\bNDAs?\b|\bBLAs?\b|(?i:applications?|filings?|submissions?)");
    private static readonly Regex ApprovalCue = R(@"获批|批准|上市(?!申请)|(?i:approv\w*|cleared|authori[sz]ed|\bnods?\b|marketed)");
    private static readonly Regex TrialCue = R(@"临床试验|临床研究|试验|(?i:\btrials?\b|\bstud(?:y|ies)\b)");

    // Nouns that make a count a plain quantity even in a sentence about approvals or trials.
    private static readonly Regex QuantityNoun = R(
        @"管线|企业|公司|医院|机构|员工|批次|赛道|融资|交易|合作|投资|(?i:pipeline|compan(?:y|ies)|hospitals?|sites|cent(?:er|re)s|employees|staff|deals?|partnerships?|programs?|investors?|manufactur\w*)");

    private static readonly Regex GrowthCue = R(
        @"增长|增加|增幅|增速|同比|环比|提升|上升|下降|减少|下滑|降低|复合增长率|(?i:\bCAGR\b|increase[sd]?|\bgrew\b|\bgrow\w*|\brose\b|\brise\b|\brising\b|jump\w*|surge\w*|declin\w*|decrease[sd]?|\bfell\b|\bfall\b|\bdrop\w*|\bdown\b)");
    private static readonly Regex DeclineCue = R(@"下降|减少|下滑|降低|(?i:declin\w*|decrease[sd]?|\bfell\b|\bfall\b|\bdrop\w*|\bdown\b)");
    private static readonly Regex EfficacyCue = R(@"缓解|应答|有效率|生存|\bORR\b|\bCR率|(?i:response rate|responded|remission|survival|efficacy)");

    private static readonly Regex FundingCue = R(@"融资|募资|募集|[A-E天使]\+?轮|(?i:\braised?\b|raising|funding|financing|series [a-e]\b|\bround\b)");
    private static readonly Regex DealCue = R(@"交易|首付款|里程碑|授权|许可|合作|收购|并购|(?i:\bdeals?\b|upfront|milestones?|licens\w*|royalt\w*|acqui\w*|collaboration|partnership)");
    private static readonly Regex RevenueCue = R(@"销售额|营收|收入|销售|(?i:revenue|sales)");
    private static readonly Regex MarketCue = R(@"市场规模|市场|(?i:\bmarket\b)");
    private static readonly Regex PriceCue = R(@"价格|定价|费用|售价|元/|/针|/剂|(?i:\bprice[ds]?\b|\bcosts?\b|per (?:treatment|dose|patient|infusion))");

    private static readonly Regex ReviewCue = R(@"审评(?!中心)|审批|(?i:\breview\w*|implied|objection|\bclock\b|PDUFA)");
    private static readonly Regex CommentCue = R(@"征求意见|(?i:comments?\b)");

    /// <summary>Words that announce a projection (the caller adds "by a future year").</summary>
    public static readonly Regex ForecastCue = R(
        @"预计|预测|有望|将达到?|将有|将超过|(?i:\bexpected\b|projected|forecast\w*|predict\w*|estimated to|will reach|would reach|will grow|is set to|anticipated)");

    /// <summary>The kind of a quantity; <paramref name="clause"/> and <paramref name="sentence"/> include any table header text.</summary>
    public static string Classify(Quantity q, string clause, string sentence, string paragraph, bool forecast)
    {
        var unit = q.Unit;
        if (Units.IsTime(unit))
        {
            if (CommentCue.IsMatch(clause))
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

            return FactKinds.Price;
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

        return CountKind(sentence) ?? FactKinds.Quantity;
    }

    /// <summary>True when the clause says the figure fell (the value is then negative).</summary>
    public static bool IsDecline(string clause) => DeclineCue.IsMatch(clause);

    private static string? CountKind(string text) =>
        ApplicationCue.IsMatch(text) ? FactKinds.ApplicationCount
        : ApprovalCue.IsMatch(text) ? FactKinds.ApprovalCount
        : TrialCue.IsMatch(text) ? FactKinds.TrialCount
        : null;

    private static string? MoneyKind(string text) =>
        FundingCue.IsMatch(text) ? FactKinds.Funding
        : DealCue.IsMatch(text) ? FactKinds.DealValue
        : RevenueCue.IsMatch(text) ? FactKinds.Revenue
        : MarketCue.IsMatch(text) ? FactKinds.MarketSize
        : PriceCue.IsMatch(text) ? FactKinds.Price
        : null;
}
