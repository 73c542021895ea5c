using System.Text.RegularExpressions;
using CgtAtlas.Documents;

namespace CgtAtlas.Insights;

/// <summary>
/// What a document is about, from its own words: the cell and gene therapy fields it names (CAR-T, gene therapy …),
/// the regions it talks about, and the brief sections its sentences fall into. Renders the Core Insights "about"
/// statement in either language, so a Chinese article's English brief does not open with a quoted Chinese sentence.
/// Only topics the document names are mentioned, and the statement carries no figures. Immutable and thread-safe.
/// </summary>
internal static class DocumentTopics
{
    // The field's vocabulary: a document without it is not about cell and gene therapy.
    private static readonly (Regex Pattern, string Modality)[] DomainTerms =
    [
        (Make(@"CAR[- ]?T\b|嵌合抗原受体|(?i:chimeric antigen receptor)"), "CAR-T"),
        (Make(@"TCR-?T"), "TCR-T"),
        (Make(@"CAR-?NK"), "CAR-NK"),
        (Make(@"\bTILs?\b|肿瘤浸润淋巴细胞"), "TIL"),
        (Make(@"细胞和基因治疗|细胞与基因治疗|基因和细胞治疗|(?i:cell(?:ular)? (?:and|&) gene therap\w*|gene (?:and|&) cell therap\w*)|\bCGTs?\b|先进治疗|(?i:advanced therap\w*)|\bATMPs?\b"), "CGT"),
        (Make(@"基因编辑|(?i:gene[- ]edit\w*)|CRISPR|碱基编辑|(?i:base editing)"), "gene editing"),
        (Make(@"溶瘤病毒|(?i:oncolytic vir\w*)"), "oncolytic virus"),
        (Make(@"小核酸|(?i:small nucleic acid|antisense|oligonucleotide)|siRNA|\bASOs?\b|反义寡核苷酸|RNAi"), "small nucleic acid"),
        (Make(@"\bmRNA\b"), "mRNA"),
        (Make(@"干细胞|间充质|(?i:stem[- ]cells?)|\bMSCs?\b"), "stem cell"),
        (Make(@"基因治疗|基因疗法|(?i:gene[- ]therap\w*)|\bAAV\d*\b|腺相关病毒|(?i:viral vectors?)|慢病毒|(?i:lentivir\w*)"), "gene therapy"),
        (Make(@"细胞治疗|细胞疗法|细胞药物|细胞免疫治疗|(?i:cell[- ]therap\w*|cell[- ]based therap\w*|cellular therap\w*)"), "cell therapy"),
        // Generic-name stems, matched from the stem back so no run of letters is rescanned: …仑赛 and …leucel are
        // CAR-T products, other …-cel names cell therapies, …vec names gene therapies (vectors).
        (Make(@"(?<=\p{IsCJKUnifiedIdeographs})仑赛|(?<=[A-Za-z])(?i:leucel)\b"), "CAR-T"),
        (Make(@"(?<=[A-Za-z])(?i:-cel)\b"), "cell therapy"),
        (Make(@"(?<=[A-Za-z])(?i:vec)\b"), "gene therapy"),
    ];

    // All domain terms in one pattern: one pass over the text instead of one per term.
    private static readonly Regex DomainAny = new(string.Join("|", DomainTerms.Select(t => "(?:" + t.Pattern + ")")),
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly (Regex Pattern, string Region)[] RegionCues =
    [
        (Make(@"中国|我国|国内|国家药监局|药审中心|(?i:\bChina\b|\bChinese\b)|\bNMPA\b|\bCDE\b"), "CN"),
        (Make(@"美国|\bU\.S\.|\bUS\b|(?i:\bUnited States\b|\bAmerican\b)|\bFDA\b"), "US"),
        (Make(@"欧盟|欧洲|\bEU\b|(?i:\bEurope(?:an)?\b)|\bEMA\b"), "EU"),
        (Make(@"日本|(?i:\bJapan(?:ese)?\b)|\bPMDA\b"), "JP"),
        (Make(@"英国|(?i:\bBritain\b|\bBritish\b|\bEngland\b)|\bUK\b|\bU\.K\.|\bMHRA\b|\bNICE\b"), "UK"),
    ];

    /// <summary>How many field-specific terms <paramref name="text"/> names (traditional characters folded first).</summary>
    public static int DomainCount(string text) => DomainAny.Count(SectionClassifier.Fold(text));

    /// <summary>The "about" statement, or null when the document names no field term.</summary>
    /// <param name="title">The document title (its terms count too).</param>
    /// <param name="paragraphs">The document's paragraphs.</param>
    /// <param name="sectionWeights">How many candidate bullets each body section has.</param>
    /// <param name="zh">Chinese when true, else English.</param>
    public static string? About(string title, IReadOnlyList<Paragraph> paragraphs, IReadOnlyDictionary<string, int> sectionWeights, bool zh)
    {
        var texts = paragraphs.Select(p => SectionClassifier.Fold(p.Text)).Prepend(SectionClassifier.Fold(title)).ToList();
        var modalities = Ranked(DomainTerms.Select(t => (t.Pattern, t.Modality)), texts, 3, leastForFirst: 1);
        if (modalities.Count == 0)
        {
            return null;
        }

        // A region named once ("developed with China's Pregene") is a detail, not where the story is.
        var regions = Ranked(RegionCues.Select(r => (r.Pattern, r.Region)), texts, 2, leastForFirst: 2);
        // In a short document one sentence is a topic; in a long one a topic needs two.
        var least = sectionWeights.Values.Sum() < 8 ? 1 : 2;
        var topics = BriefSections.Order.Skip(1)
            .Where(k => sectionWeights.GetValueOrDefault(k) >= least)
            .OrderByDescending(k => sectionWeights[k]).Take(3)
            .OrderBy(SectionClassifier.Index)
            .ToList();
        return zh ? AboutZh(modalities, regions, topics) : AboutEn(modalities, regions, topics);
    }

    /// <summary>
    /// The names whose cues the texts use most, at most <paramref name="most"/>, each used at least twice and at least
    /// half as often as the first (a passing mention is not a topic); the first needs <paramref name="leastForFirst"/>.
    /// </summary>
    private static List<string> Ranked(IEnumerable<(Regex Pattern, string Name)> cues, List<string> texts, int most, int leastForFirst)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (pattern, name) in cues)
        {
            var n = texts.Sum(t => pattern.Count(t));
            if (n > 0)
            {
                counts[name] = counts.GetValueOrDefault(name) + n;
            }
        }

        var ranked = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        return ranked.Where((kv, i) => i == 0 ? kv.Value >= leastForFirst : kv.Value >= 2 && kv.Value * 2 >= ranked[0].Value)
            .Take(most).Select(kv => kv.Key).ToList();
    }

    private static string AboutEn(List<string> modalities, List<string> regions, List<string> topics)
    {
        // The umbrella term leads and the specific fields follow it ("CGT in China, mainly CAR-T therapy").
        var specific = modalities.Where(m => m != "CGT").Select(ModalityEn).ToList();
        var umbrella = modalities.Contains("CGT");
        var what = umbrella ? ModalityEn("CGT") : List(specific, "and");
        var where = regions.Count == 0 ? string.Empty : " in " + List(regions.Select(RegionEn).ToList(), "and");
        var mainly = umbrella && specific.Count > 0 ? ", mainly " + List(specific, "and") : string.Empty;
        var covering = topics.Count == 0 ? string.Empty : "; it covers " + List(topics.Select(TopicEn).ToList(), "and");
        return $"The article is about {what}{where}{mainly}{covering}.";
    }

    private static string AboutZh(List<string> modalities, List<string> regions, List<string> topics)
    {
        var what = string.Join("、", modalities.OrderBy(m => m == "CGT" ? 0 : 1).Select(ModalityZh));
        var where = string.Join("和", regions.Select(RegionZh));
        var covering = topics.Count == 0 ? string.Empty : "，涉及" + string.Join("、", topics.Select(TopicZh));
        return $"本文关注{where}{what}领域{covering}。";
    }

    private static string List(List<string> items, string conjunction) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " " + conjunction + " " + items[^1];

    private static string ModalityEn(string modality) => modality switch
    {
        "CGT" => "cell and gene therapy (CGT)",
        "stem cell" => "stem cell therapy",
        "small nucleic acid" => "small nucleic acid drugs",
        "oncolytic virus" => "oncolytic viruses",
        "mRNA" => "mRNA medicines",
        "CAR-T" or "TCR-T" or "CAR-NK" or "TIL" => modality + " therapy",
        _ => modality,
    };

    private static string ModalityZh(string modality) => modality switch
    {
        "stem cell" => "干细胞治疗",
        "small nucleic acid" => "小核酸药物",
        _ => FactPhrases.ModalityZh(modality),
    };

    private static string RegionEn(string region) => region switch
    {
        "CN" => "China",
        "US" => "the US",
        "EU" => "the EU",
        "JP" => "Japan",
        "UK" => "the UK",
        _ => region,
    };

    private static string RegionZh(string region) => region switch
    {
        "CN" => "中国",
        "US" => "美国",
        "EU" => "欧盟",
        "JP" => "日本",
        "UK" => "英国",
        _ => region,
    };

    private static string TopicEn(string section) => section switch
    {
        BriefSections.IndustryOverview => "the industry landscape",
        BriefSections.PolicyRegulatory => "regulation",
        BriefSections.ClinicalDevelopment => "clinical development",
        BriefSections.MarketDynamics => "the market",
        _ => "the outlook",
    };

    private static string TopicZh(string section) => section switch
    {
        BriefSections.IndustryOverview => "行业概况",
        BriefSections.PolicyRegulatory => "政策监管",
        BriefSections.ClinicalDevelopment => "临床研发",
        BriefSections.MarketDynamics => "市场",
        _ => "发展前景",
    };

    private static Regex Make(string pattern) =>
        new(pattern.Replace(@"\b", @"(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))", StringComparison.Ordinal), RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
