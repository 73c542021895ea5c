using System.Text.RegularExpressions;
using CgtAtlas.Facts;
using CgtAtlas.Text;

namespace CgtAtlas.Insights;

/// <summary>A section and how strongly a sentence belongs to it.</summary>
/// <param name="Key">The section key (<see cref="BriefSections"/>); null when no cue matched.</param>
/// <param name="Score">Sum of cue and fact-kind weights for that section (0 when nothing matched).</param>
/// <param name="Margin">Score minus the runner-up's score: how clear-cut the choice is.</param>
public readonly record struct SectionScore(string? Key, double Score, double Margin);

/// <summary>One family of cue words for a section (for example "obligations" for policy), with its weight.</summary>
/// <param name="Section">The section key the family points to.</param>
/// <param name="Name">What the family is about (for reading the table, not used in scoring).</param>
/// <param name="Pattern">Chinese and English cue words; Chinese is matched after folding traditional characters.</param>
/// <param name="Weight">How much one family hit says about the section.</param>
internal sealed record CueFamily(string Section, string Name, Regex Pattern, double Weight);

/// <summary>
/// Decides which brief section a sentence belongs to. General rules only: bilingual cue families per section, each
/// weighted by how much it says (an obligation such as 须/must says more about regulation than a regulator's name; a
/// deal or a funding round says more about the market than the word "patients" says about trials), plus the kinds of
/// the facts read from the sentence (a price is market, a trial count is overview, a review clock is regulatory, a
/// forecast is outlook). Traditional Chinese is folded to simplified before matching. Immutable and thread-safe.
/// </summary>
public static class SectionClassifier
{
    private const string AsciiBoundary = @"(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))";

    private static Regex R(string pattern) =>
        new(pattern.Replace(@"\b", AsciiBoundary, StringComparison.Ordinal), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static CueFamily F(string section, string name, double weight, string pattern) => new(section, name, R(pattern), weight);

    private static readonly CueFamily[] Families =
    [
        // Core insights: the sentence that states the article's thesis.
        F(BriefSections.CoreInsights, "thesis", 2.0, @"本文|总体来看|总的来看|综上|总之|标志着|意味着|里程碑|从.{1,6}到.{1,6}转变|\bthis (?:article|report|review|piece)\b|\boverall\b|\bin summary\b|\bmark(?:s|ed|ing) (?:a|an|the)\b|\bmilestone\b|\bsignals?\b|\bshift(?:ed|ing)? from\b"),

        // Industry overview: how big the field is and what it is made of.
        F(BriefSections.IndustryOverview, "scale and landscape", 1.0, @"全球|行业|产业|领域|格局|全景|盘点|累计|共有|总数|数量|占比|占据|半壁江山|截至|蓝皮书|统计|登记|\blandscape\b|\bsector\b|\bindustry\b|\bworldwide\b|\bglobal(?:ly)?\b|\bin total\b|\bcumulative\b|\bso far\b|\bto date\b|\bcount(?:s|ed)?\b|\btall(?:y|ies)\b|\bshare\b|\bunder way\b|\bregistered\b"),
        F(BriefSections.IndustryOverview, "approvals as milestones", 1.4, @"已(?:有|批准|获批)\d*|共批准|获批(?!临床)|批准[^。;；]{0,40}上市|上市产品|有\d+余?[个款家项]|第[\d一二三四五六七八九十]+[款个]|首[款个][^。;；]{0,20}(?:获批|上市|疗法|产品)|\bthere (?:are|were)\b|\bapproved\b|\bauthori[sz]ed\b|\bfirst\b[^.;]{0,60}\bapprov\w*"),

        // Policy and regulation: who regulates, with what instruments, by which procedures, and what they demand.
        F(BriefSections.PolicyRegulatory, "regulators", 0.8, @"药监局|药品监督管理|药审中心|审评中心|卫健委|卫生健康委|医保局|国务院|科技部|监管部门|监管机构|药品管理局|委员会|\bCDE\b|\bNMPA\b|\bFDA\b|\bEMA\b|\bCHMP\b|\bMHRA\b|\bPMDA\b|\bNHSA\b|\bagency\b|\bregulators?\b|\bauthorit(?:y|ies)\b|\bAdministration\b|\bCommission\b|\bParliament\b|\bCouncil\b|\bCongress\b|\bgovernment\b"),
        F(BriefSections.PolicyRegulatory, "instruments", 1.3, @"政策|监管|法规|指导原则|征求意见|意见稿|通知|办法|规定|规范|条例|措施|实施方案|试点|目录|《|\bguidance\b|\bguidelines?\b|\bregulat\w*|\bpolicy\b|\bpolicies\b|\bdraft\b|\bframework\b|\bpathways?\b|\brules?\b|\blaws?\b|(?-i:\bAct\b)|\bcomment period\b|\bconsultation\b|\blegislat\w*|\bpilot\b"),
        // Approval by a special pathway is a regulatory story rather than a landscape milestone.
        F(BriefSections.PolicyRegulatory, "special pathways", 2.0, @"优先审评|突破性治疗|附条件|\bpriority review\b|\baccelerated approval\b|\bconditional (?:approval|marketing)\b|\bbreakthrough therapy\b|\bfast track\b|\bexpanded access\b|\bcompassionate use\b"),
        F(BriefSections.PolicyRegulatory, "procedures and decisions", 1.2, @"审评|审批|注册|申报|受理|备案|递交|上市申请|印发|出台|施行|生效|颁布|黑框警告|说明书|上市后研究|不建议批准|评估|\bdesignations?\b|\bRMAT\b|\bPRIME\b|\borphan drug\b|\bboxed warning\b|\bfil(?:ed|es|ing) for\b|\bsubmi(?:tted|ssions?)\b|\blabel(?:ling)?\b|\bREMS\b|\bclinical hold\b|\bclearance\b|\btak(?:e|es|ing)? effect\b|\btook effect\b|\bin force\b|\benacted\b|\bissued\b|\bfinali[sz]ed\b|\bpropos(?:ed|es|al)\b|\breview (?:clock|time|period)\b|\bnegative opinion\b|\bassessments?\b|\breimbursement list\b|\bnational (?:basic )?medical insurance\b|纳入医保|医保目录|国家医保"),
        // Obligations are the language of rules: like the tense of a forecast, the modality of a sentence wins over
        // its topic ("must report safety data" is a rule, not a trial result). Requests are weaker evidence.
        F(BriefSections.PolicyRegulatory, "obligations", 2.0, @"须|应当|必须|不得(?!不)|需(?:开展|提交|通过|获得|符合|满足|报告|备案)|\bmust\b|\bshall\b|\bwill need to\b|\bneed to (?:submit|report|file|provide|show)\b|\b(?:are|is) required to\b|\bmandat\w*|\bobliged\b"),
        F(BriefSections.PolicyRegulatory, "requests", 1.3, @"要求|\brequire(?:s|d|ments?)?\b|\basked (?:for|to)\b|\brequest(?:s|ed)?\b"),

        // Clinical development and innovation: trials, their outcomes and safety, and the science behind products.
        F(BriefSections.ClinicalDevelopment, "trials", 1.0, @"临床|试验|入组|受试者|研究者发起|随机|对照|单臂|队列|病例|[1-3I]+期|[ⅠⅡⅢ]期|首次人体|人体试验|首例|\bclinical\b|\btrials?\b|\bphase\b|\benrol\w*|\bstud(?:y|ies)\b|\brandomi[sz]ed\b|\bsingle-arm\b|\bcohorts?\b|\bcase series\b|\bfirst-in-human\b|\bpivotal\b|\bIND\b|\bINDs\b|\bdos(?:ed|e|es|ing)\b"),
        F(BriefSections.ClinicalDevelopment, "outcomes and safety", 1.2, @"缓解|应答|疗效|有效率|终点|随访|生存|无进展|出血率|安全性|不良反应|不良事件|毒性|细胞因子释放|肝衰竭|肝损伤|研究显示|\bresponses?\b|\bremission\b|\befficacy\b|\bendpoints?\b|\bfollow-up\b|\bsurvival\b|\bprogression-free\b|\bORR\b|\bPFS\b|\bdurab\w*|\brelapse\w*|\bdata\b|\breadout\b|\bsafety\b|\badverse\b|\btoxicit\w*|\bsyndrome\b|\bCRS\b|\bICANS\b|\bside effects?\b|\bgrade \d\b|\bdeaths?\b|\bdied\b|\bliver (?:failure|injury)\b|数据"),
        F(BriefSections.ClinicalDevelopment, "science and technology", 1.0, @"研发|创新|平台|技术|靶点|靶向|递送|载体|突破|在研|管线|适应症|机制|微环境|抗原|修饰|纳米颗粒|[TB]细胞|注射|给药|输注|回输|\bplatforms?\b|\btechnolog\w*|\bdeliver\w*|\bvectors?\b|\binnovat\w*|\bpipeline\b|\btarget(?:s|ing|ed)?\b|\bmechanism\b|\b[TB][- ]cells?\b|\bantigens?\b|\bmutations?\b|\bgenome\b|\bedit(?:ed|or)\b|\bnanoparticles?\b|\bguide RNA\b|\bengineer(?:ed|ing)\b|\ballogeneic\b|\bautologous\b|\bin vivo\b|\bex vivo\b|\binfusions?\b|\binjections?\b|\bcell lines?\b"),
        F(BriefSections.ClinicalDevelopment, "diseases and patients", 0.5, @"患者|病人|淋巴瘤|白血病|骨髓瘤|狼疮|肿瘤|癌|血友病|肌营养不良|罕见病|自身免疫|\bpatients?\b|\blymphoma\b|\bleu(?:k|c)a?emia\b|\bmyeloma\b|\blupus\b|\bcancers?\b|\btumou?rs?\b|\bha?emophilia\b|\bsickle cell\b|\bdiseases?\b|\bdisorders?\b|\bautoimmune\b"),
        F(BriefSections.ClinicalDevelopment, "trial permits", 0.6, @"默示许可|获批临床|临床试验申请|\bclinical trial applications?\b|\bIND (?:applications?|clearance)\b"),

        // Market dynamics and challenges: money, competition and supply.
        F(BriefSections.MarketDynamics, "prices and payment", 1.2, @"市场|价格|定价|费用|售价|万元|亿元|美元|支付|报销|惠民保|商业保险|商保|自费|可及|负担|昂贵|高昂|\bmarket\w*\b|\bpric\w*\b|\bcosts?\b|\bcostly\b|\bexpensive\b|\baffordab\w*|\baccess\b|\breimburs\w*|\bpayers?\b|\bpayment\b|\binsur\w*|\bout-of-pocket\b|\bdiscount\w*|\byuan\b|\bRMB\b|\bUS\$|[$£€]\d"),
        F(BriefSections.MarketDynamics, "deals and financing", 1.5, @"融资|交易|首付款|里程碑付款|授权|合作协议|收购|并购|投资|募资|\bdeals?\b|\blicens\w*|\bupfront\b|\bmilestones?\b|\bacqui\w*|\bmergers?\b|\bmerged\b|\bfunding\b|\bfinancing\b|\braised\b|\braise[sd]?\b(?=[^.]{0,60}(?:\$|million|billion|funds|capital|round))|\binvest\w*|\bventure\b|\bIPO\b|\bvaluation\b|\bin cash\b|\btransactions?\b|\bbuyers?\b"),
        F(BriefSections.MarketDynamics, "commerce and competition", 1.3, @"销售|营收|收入|商业化|竞争|同质化|跨国|药企|股价|裁员|市值|\bsales\b|\brevenue\b|\bcommerciali\w*|\bcompetit\w*|\bmultinational\w*|\bshare price\b|\bstock\b|\blayoffs?\b|\bjob cuts\b|\bcut staff\b|\bworkforce\b|\brestructur\w*|\buptake\b"),
        F(BriefSections.MarketDynamics, "supply and manufacturing", 1.4, @"产能|扩产|扩建|成本|供不应求|短缺|瓶颈|委托生产|挑战|障碍|\bmanufacturing capacity\b|\bcapacity\b|\bexpan(?:d|ds|ded|ding|sion)\b[^.;]{0,30}\b(?:plant|site|facility|manufacturing)\b|\bsupply\b|\bdemand\b|\bshortages?\b|\bbottlenecks?\b|\btight\b|\bbatch(?:es)?\b|\bprocurement\b|\bchallenges?\b|\bbarriers?\b|\bobstacles?\b|\bsticking point\b"),

        // Future prospects: the tense of a sentence outweighs its topic, so forecast words are strong cues.
        F(BriefSections.FutureProspects, "forecasts and plans", 2.4, @"未来|有望|预计|预测|展望|前景|趋势|下一步|下一个|或将|将会|将成为|将迎来|将进一步|将有|到20\d\d年|明年|计划|拟于|新赛道|\bfuture\b|\boutlook\b|\bprospects?\b|(?<!\bas )\bexpect(?:s|ed|ing)?\b|\banticipat\w*|\bforecast\w*|\bproject(?:s|ed|ions?)\b|\bby 20\d\d\b|\bplan(?:s|ning)? to\b|\bintends? to\b|\bhopes? to\b|\bnext (?:year|decade|few years|frontiers?)\b|\bin the coming\b|\bin the years ahead\b|\bwithin the next\b|\bpoised\b"),
        F(BriefSections.FutureProspects, "possibility", 0.7, @"潜力|机遇|\bwill\b|\bcould\b|\bpotential\b|\bopportunit\w*|\bfrontiers?\b|\bemerging\b|\blikely\b|\beventually\b"),
    ];

    /// <summary>The text with traditional Chinese characters folded to simplified (the cue words are simplified).</summary>
    public static string Fold(string text) => TraditionalToSimplified.Shipped.Fold(text);

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
        var folded = Fold(sentence);
        var perSection = new List<double>[BriefSections.Order.Count];
        foreach (var family in Families)
        {
            var hits = family.Pattern.Count(folded);
            if (hits > 0)
            {
                // Diminishing returns: a sentence full of one family's words is not three times as sure.
                (perSection[Index(family.Section)] ??= []).Add(family.Weight * (1 + Math.Log(hits)));
            }
        }

        var scores = new double[BriefSections.Order.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            // The strongest family counts fully, each further one half as much as the one before: a sentence naming
            // a disease, a target and a trial is not more clinical than one that reports a response rate.
            var factor = 1.0;
            foreach (var contribution in (perSection[i] ?? []).OrderDescending())
            {
                scores[i] += factor * contribution;
                factor /= 2;
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
