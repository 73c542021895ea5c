using System.Text.RegularExpressions;

namespace CgtAtlas.Facts;

/// <summary>A dictionary term found in a paragraph, with its canonical value.</summary>
internal readonly record struct Mention(int Start, int End, string Value);

/// <summary>
/// Finds canonical terms by ordered patterns. Patterns earlier in the list win overlaps, so longer and more
/// specific names ("cell and gene therapy", "国家药监局药品审评中心") are listed before their parts.
/// </summary>
internal sealed class TermDictionary
{
    private readonly (Regex Pattern, string Value)[] _terms;

    public TermDictionary(IEnumerable<(string Pattern, string Value)> terms) =>
        _terms = terms.Select(t => (Rx.Make(t.Pattern), t.Value)).ToArray();

    public List<Mention> FindAll(string text)
    {
        var taken = new bool[text.Length];
        var result = new List<Mention>();
        foreach (var (pattern, value) in _terms)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (m.Length == 0 || Enumerable.Range(m.Index, m.Length).Any(i => taken[i]))
                {
                    continue;
                }

                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    taken[i] = true;
                }

                result.Add(new Mention(m.Index, m.Index + m.Length, value));
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>
    /// The mention that best describes a quantity at <paramref name="position"/>: the nearest one before it inside
    /// <paramref name="near"/>, else the first one after it inside <paramref name="near"/>, then the same inside
    /// <paramref name="wide"/>. With <paramref name="followingFirst"/> (breakdown parts: "7款CAR-T、3款小核酸")
    /// the text after the number is read first, because the label follows the number.
    /// </summary>
    public static string? Nearest(List<Mention> mentions, int position, TextSpan near, TextSpan wide, bool followingFirst = false,
        int nearLimit = int.MaxValue)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var scope = pass == 0 ? near : wide;
            var limit = pass == 0 ? nearLimit : int.MaxValue;
            var before = mentions.LastOrDefault(m => m.Start < position && m.Start >= scope.Start && m.End <= scope.End);
            var after = mentions.FirstOrDefault(m => m.Start >= position && m.Start < scope.End && m.Start >= scope.Start && m.Start < limit);
            var first = followingFirst ? after : before;
            var second = followingFirst ? before : after;
            if (first.Value is not null)
            {
                return first.Value;
            }

            if (second.Value is not null)
            {
                return second.Value;
            }
        }

        return null;
    }
}

/// <summary>Names of modalities, mapped to the canonical list (most specific first).</summary>
internal static class ModalityResolver
{
    // Most specific first: "CAR-T细胞治疗" is CAR-T, "cell and gene therapy products … CAR-T" keeps each where it is.
    public static readonly string[] Specificity =
    [
        "CAR-T", "TCR-T", "TIL", "CAR-NK", "gene editing", "small nucleic acid", "mRNA", "oncolytic virus", "stem cell",
        "gene therapy", "cell therapy", "CGT",
    ];

    /// <summary>
    /// Modality mentions of a text; a mention written right after another ("CAR-T细胞治疗", "CAR-T cell therapy") is
    /// one compound term and keeps the more specific name.
    /// </summary>
    public static List<Mention> FindAll(string text)
    {
        var raw = Terms.FindAll(text);
        var merged = new List<Mention>();
        foreach (var m in raw)
        {
            if (merged.Count > 0 && m.Start - merged[^1].End is >= 0 and <= 1 && text[merged[^1].End..m.Start].Trim().Length == 0)
            {
                var prev = merged[^1];
                var keep = Rank(prev.Value) <= Rank(m.Value) ? prev.Value : m.Value;
                merged[^1] = new Mention(prev.Start, m.End, keep);
                continue;
            }

            merged.Add(m);
        }

        return merged;
    }

    /// <summary>Position in <see cref="Specificity"/> (lower is more specific).</summary>
    public static int Rank(string modality)
    {
        var i = Array.IndexOf(Specificity, modality);
        return i < 0 ? int.MaxValue : i;
    }

    public static readonly TermDictionary Terms = new(
    [
        (@"CAR-?NK", "CAR-NK"),
        (@"TCR-?T", "TCR-T"),
        (@"CAR-?T(?:s\b)?|(?i:cabtagene)|嵌合抗原受体T", "CAR-T"),
        (@"\bTILs?\b|肿瘤浸润淋巴细胞", "TIL"),
        (@"细胞和基因治疗|细胞与基因治疗|基因和细胞治疗|(?i:cell(?:ular)? (?:and|&) gene therap\w*|gene (?:and|&) cell therap\w*)|\bCGTs?\b|先进治疗", "CGT"),
        (@"基因编辑|(?i:gene[- ]editing)|CRISPR", "gene editing"),
        (@"溶瘤病毒|(?i:oncolytic vir\w*)", "oncolytic virus"),
        (@"小核酸|(?i:small nucleic acid|antisense oligonucleotide)|siRNA|\bASOs?\b|反义寡核苷酸|RNAi", "small nucleic acid"),
        (@"\bmRNA\b", "mRNA"),
        (@"干细胞|间充质|(?i:stem[- ]cell)|\bMSCs?\b", "stem cell"),
        (@"基因治疗|基因疗法|(?i:gene[- ]therap\w*)", "gene therapy"),
        (@"细胞治疗|细胞疗法|细胞药物|(?i:cell[- ]therap\w*|cell[- ]based therap\w*)", "cell therapy"),
        // Generic-name stems: …仑赛 (CAR-T), …司兰/…生钠 (siRNA/ASO), …vec (gene therapy), …leucel (cell therapy).
        (@"\p{IsCJKUnifiedIdeographs}+仑赛", "CAR-T"),
        (@"\p{IsCJKUnifiedIdeographs}+(?:司兰|司仑|生钠|西兰)|托夫生", "small nucleic acid"),
        (@"(?i)\b\w+(?:siran|rsen)\b", "small nucleic acid"),
        (@"(?i)\b\w+vec\b", "gene therapy"),
        (@"(?i)\b\w+-cel\b", "CAR-T"),
        (@"(?i)\b\w+leucel\b", "cell therapy"),
    ]);
}

/// <summary>Regulators and regions; an agency implies its region when the statement names none.</summary>
internal static class AgencyResolver
{
    public static readonly TermDictionary Agencies = new(
    [
        (@"国家药监局药品审评中心|国家药品监督管理局药品审评中心|药品审评中心|药审中心|\bCDE\b|Center for Drug Evaluation", "CDE"),
        (@"国家药品监督管理局|国家药监局|药监局|\bNMPA\b|National Medical Products Administration", "NMPA"),
        (@"国家医保局|医保局|国家医疗保障局|\bNHSA\b|National Healthcare Security Administration", "NHSA"),
        (@"国家卫健委|国家卫生健康委员会|国家卫生健康委|卫健委|\bNHC\b|National Health Commission", "NHC"),
        (@"\bFDA\b|\bCBER\b|美国食品药品监督管理局|美国药监局|Food and Drug Administration", "FDA"),
        (@"\bEMA\b|欧洲药品管理局|European Medicines Agency|\bCHMP\b", "EMA"),
        (@"\bPMDA\b|\bMHLW\b", "PMDA"),
    ]);

    public static readonly TermDictionary Regions = new(
    [
        (@"全球|世界范围|(?i:\bglobal(?:ly)?\b|worldwide)", "global"),
        (@"中国|我国|国内|全国|\bChina\b|\bChinese\b|\bPRC\b", "CN"),
        (@"美国|\bU\.S\.|\bU\.S\b|\bUS\b|\bUSA\b|United States|\bAmerican\b", "US"),
        (@"欧盟|欧洲|\bEU\b|\bEurope(?:an)?\b", "EU"),
        (@"日本|\bJapan(?:ese)?\b", "JP"),
    ]);

    public static string? RegionOf(string? agency) => agency switch
    {
        "NMPA" or "CDE" or "NHSA" or "NHC" => "CN",
        "FDA" => "US",
        "EMA" => "EU",
        "PMDA" => "JP",
        _ => null,
    };
}
