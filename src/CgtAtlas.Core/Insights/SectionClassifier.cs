using System.Text.RegularExpressions;
using CgtAtlas.Facts;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Insights;

/// <summary>A section and how strongly a sentence belongs to it.</summary>
/// <param name="Key">The section key (<see cref="BriefSections"/>); null when no cue matched.</param>
/// <param name="Score">Sum of cue and fact-kind weights for that section (0 when nothing matched).</param>
/// <param name="Margin">Score minus the runner-up's score: how clear-cut the choice is.</param>
public readonly record struct SectionScore(string? Key, double Score, double Margin);

/// <summary>
/// Decides which brief section a sentence belongs to. General rules only: bilingual cue vocabularies per section
/// (weighted: a strong cue such as 征求意见/guidance says more than a weak one such as 将/will) plus the kinds of
/// the facts read from the sentence (a price is market, a trial count is overview, a review clock is regulatory,
/// a forecast is outlook). Immutable and thread-safe.
/// </summary>
public static partial class SectionClassifier
{
    private static readonly (string Key, Regex Cue, double Weight)[] Cues =
    [
        // Core insights: the sentence that states the article's thesis.
        (BriefSections.CoreInsights, CoreCue, 2.0),

        // Industry overview: how big the field is and what it is made of.
        (BriefSections.IndustryOverview, OverviewCue, 1.0),
        (BriefSections.IndustryOverview, OverviewCountCue, 1.0),

        // Policy and regulation.
        (BriefSections.PolicyRegulatory, PolicyCue, 1.2),
        (BriefSections.PolicyRegulatory, ReimbursementCue, 0.8),
        // Obligations are the language of rules.
        (BriefSections.PolicyRegulatory, ObligationCue, 1.0),

        // Clinical development and innovation.
        (BriefSections.ClinicalDevelopment, ClinicalCue, 1.0),
        (BriefSections.ClinicalDevelopment, ClinicalApplicationCue, 0.6),

        // Market dynamics and challenges.
        (BriefSections.MarketDynamics, MarketCue, 1.1),

        // Future prospects: the tense of a sentence outweighs its topic, so forecast words are strong cues.
        (BriefSections.FutureProspects, FutureCue, 2.0),
        (BriefSections.FutureProspects, FutureWeakCue, 0.7),
    ];

    // Cue patterns are case-insensitive. Consecutive English cues share one leading {{B}} ({{B}}(?:word{{B}}|word{{B}}…)):
    // the same matches as a boundary on each alternative, but the boundary is tested once per position instead of once
    // per word, which made the largest cues four to ten times faster.
    [GeneratedRegex($$"""本文|总体来看|总的来看|综上|总之|标志着|意味着|里程碑|从.{1,6}到.{1,6}转变|{{B}}(?:this (?:article|report|review|piece){{B}}|overall{{B}}|in summary{{B}}|mark(?:s|ed|ing) (?:a|an|the){{B}}|milestone{{B}}|signals?{{B}}|shift(?:ed|ing)? from{{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CoreCue { get; }

    [GeneratedRegex($$"""全球|行业|产业|领域|格局|全景|盘点|累计|共有|总数|数量|占比|占据|半壁江山|截至|蓝皮书|{{B}}(?:landscape{{B}}|sector{{B}}|industry{{B}}|worldwide{{B}}|global(?:ly)?{{B}}|in total{{B}}|cumulative{{B}}|so far{{B}}|to date{{B}}|count(?:s|ed)?{{B}}|tall(?:y|ies){{B}}|share{{B}}|under way{{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OverviewCue { get; }

    [GeneratedRegex($$"""已(?:有|批准|获批)\d*|共批准|获批(?!临床)|上市产品|有\d+余?[个款家项]|{{B}}(?:there (?:are|were){{B}}|approved{{B}}|authori[sz]ed{{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OverviewCountCue { get; }

    [GeneratedRegex($$"""政策|监管|法规|指导原则|征求意见|意见稿|审评|审批|注册|申报|药监局|药审中心|卫健委|医保局|{{B}}(?:CDE{{B}}|NMPA{{B}}|FDA{{B}}|EMA{{B}}|CHMP{{B}}|NHSA{{B}})|通知|办法|规定|规范|条例|试点|《|{{B}}(?:guidance{{B}}|guidelines?{{B}}|regulat\w*|policy{{B}}|policies{{B}}|draft{{B}}|framework{{B}}|pathway{{B}}|designation{{B}}|RMAT{{B}}|PRIME{{B}}|pilot{{B}}|rules?{{B}}|comment period{{B}}|review (?:clock|time|period){{B}}|agency{{B}}|regulator{{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PolicyCue { get; }

    [GeneratedRegex($$"""纳入医保|医保目录|国家医保|{{B}}(?:reimbursement list{{B}}|national (?:basic )?medical insurance{{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReimbursementCue { get; }

    [GeneratedRegex($$"""须|应当|必须|不得(?!不)|要求|{{B}}(?:must{{B}}|shall{{B}}|require[sd]?{{B}}|will need to{{B}}|authorit(?:y|ies){{B}}|regulators?{{B}}|Administration{{B}}|Commission{{B}}|Parliament{{B}}|legislat\w*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ObligationCue { get; }

    [GeneratedRegex($$"""默示许可|获批临床|临床试验申请|{{B}}(?:clinical trial applications?{{B}}|IND (?:applications?|clearance){{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClinicalApplicationCue { get; }

    [GeneratedRegex($$"""临床|试验|入组|受试者|缓解|应答|疗效|有效率|安全性|不良反应|终点|随访|数据|研发|创新|平台|技术|靶点|递送|载体|突破|首例|在研|管线|适应症|实体瘤|{{B}}(?:clinical{{B}}|trials?{{B}}|phase{{B}}|enrol\w*|response{{B}}|remission{{B}}|efficacy{{B}}|safety{{B}}|endpoint{{B}}|follow-up{{B}}|data{{B}}|readout{{B}}|platform{{B}}|technolog\w*|delivery{{B}}|vectors?{{B}}|innovat\w*|pipeline{{B}}|target(?:s|ing|ed)?{{B}}|first-in-human{{B}}|pivotal{{B}}|solid tumou?rs?{{B}}|dos(?:ed|e|es|ing){{B}}|IND{{B}}|INDs{{B}}|stud(?:y|ies){{B}})|研究显示|注射|给药|输注|生存|出血率|不良|{{B}}(?:survival{{B}}|infusion{{B}}|injection{{B}}|syndrome{{B}}|toxicit\w*|adverse{{B}}|patients{{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClinicalCue { get; }

    [GeneratedRegex($$"""市场|价格|定价|费用|售价|万元|支付|可及|商业化|销售|营收|收入|融资|交易|首付款|里程碑付款|授权|合作|收购|并购|竞争|跨国|药企|挑战|成本|产能|昂贵|高昂|负担|报销|惠民保|商业保险|集采|{{B}}(?:market\w*{{B}}|pric\w*{{B}}|costs?{{B}}|costly{{B}}|expensive{{B}}|sales{{B}}|revenue{{B}}|deals?{{B}}|licens\w*|upfront{{B}}|milestones?{{B}}|acqui\w*|funding{{B}}|financing{{B}}|raised?{{B}}|invest\w*|competit\w*|commerciali\w*|access{{B}}|affordab\w*|reimburs\w*|payers?{{B}}|insur\w*|challenges?{{B}}|sticking point{{B}}|multinational\w*|manufacturing capacity{{B}}|procurement{{B}}|yuan{{B}}|RMB{{B}}|US\$)|\$\d|{{B}}(?:supply{{B}}|demand{{B}}|shortages?{{B}}|capacity{{B}}|batch(?:es)?{{B}})|供不应求|同质化|生产成本""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MarketCue { get; }

    [GeneratedRegex($$"""未来|有望|预计|预测|展望|前景|趋势|下一步|下一个|或将|将会|将成为|将迎来|将进一步|将有|到20\d\d年|明年|计划|新赛道|{{B}}(?:future{{B}}|outlook{{B}}|prospects?{{B}}|expect(?:s|ed|ing)?{{B}}|forecast\w*|project(?:s|ed|ions?){{B}}|by 20\d\d{{B}}|plans? to{{B}}|next (?:year|decade|few years|frontiers?){{B}}|in the coming{{B}}|poised{{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FutureCue { get; }

    [GeneratedRegex($$"""潜力|机遇|{{B}}(?:will{{B}}|could{{B}}|potential{{B}}|opportunit\w*|frontiers?{{B}}|emerging{{B}}|likely{{B}}|eventually{{B}})""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FutureWeakCue { get; }

    /// <summary>Weight of one fact of a kind for its section: facts are stronger evidence than words.</summary>
    private const double FactWeight = 1.5;

    /// <summary>The section a fact kind points to, or null for kinds that say little (plain quantities, durations).</summary>
    public static string? SectionOf(string factKind) => factKind switch
    {
        FactKinds.TrialCount or FactKinds.ApprovalCount or FactKinds.Share or FactKinds.ApprovalEvent => BriefSections.IndustryOverview,
        FactKinds.Policy or FactKinds.ReviewTime => BriefSections.PolicyRegulatory,
        FactKinds.ApplicationCount or FactKinds.Platform or FactKinds.Efficacy or FactKinds.PatientCount => BriefSections.ClinicalDevelopment,
        FactKinds.Price or FactKinds.DealValue or FactKinds.MarketSize or FactKinds.Funding or FactKinds.Revenue or FactKinds.Growth => BriefSections.MarketDynamics,
        FactKinds.Forecast => BriefSections.FutureProspects,
        _ => null,
    };

    /// <summary>Scores of every section for a sentence, in <see cref="BriefSections.Order"/>.</summary>
    /// <param name="sentence">The sentence text.</param>
    /// <param name="factKinds">Kinds of the facts read from the sentence (may be empty).</param>
    public static double[] Scores(string sentence, IEnumerable<string> factKinds)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(factKinds);
        var scores = new double[BriefSections.Order.Count];
        foreach (var (key, cue, weight) in Cues)
        {
            var hits = cue.Count(sentence);
            if (hits > 0)
            {
                // Diminishing returns: a sentence full of one section's words is not three times as sure.
                scores[Index(key)] += weight * (1 + Math.Log(hits));
            }
        }

        foreach (var kind in factKinds.Distinct(StringComparer.Ordinal))
        {
            if (SectionOf(kind) is { } key)
            {
                // Shares and changes turn up in every kind of sentence (response rates, market shares): weaker evidence.
                scores[Index(key)] += kind is FactKinds.Share or FactKinds.Growth ? FactWeight / 2 : FactWeight;
            }
        }

        return scores;
    }

    /// <summary>The best body section for a sentence (core insights included only when its cue is the strongest).</summary>
    public static SectionScore Classify(string sentence, IEnumerable<string> factKinds) => Best(Scores(sentence, factKinds));

    /// <summary>The best section of a score vector (ties go to the earlier section).</summary>
    public static SectionScore Best(double[] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int best = -1;
        double second = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (best < 0 || scores[i] > scores[best])
            {
                if (best >= 0)
                {
                    second = Math.Max(second, scores[best]);
                }

                best = i;
            }
            else
            {
                second = Math.Max(second, scores[i]);
            }
        }

        return best < 0 || scores[best] <= 0 ? new SectionScore(null, 0, 0) : new SectionScore(BriefSections.Order[best], scores[best], scores[best] - second);
    }

    /// <summary>Position of a section key in <see cref="BriefSections.Order"/>.</summary>
    public static int Index(string key)
    {
        for (var i = 0; i < BriefSections.Order.Count; i++)
        {
            if (BriefSections.Order[i] == key)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, "unknown section key");
    }
}
