namespace CgtAtlas.Facts;

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
    public static List<Mention> FindAll(string text) => FindAll(text, Terms);

    /// <summary>As <see cref="FindAll(string)"/> with another copy of <see cref="Terms"/> (e.g. a compiled one).</summary>
    public static List<Mention> FindAll(string text, TermDictionary terms)
    {
        var raw = terms.FindAll(text);
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
        (@"细胞和基因治疗|细胞与基因治疗|基因和细胞治疗|(?i:cell(?:ular)? (?:and|&) gene therap[A-Za-z]*|gene (?:and|&) cell therap[A-Za-z]*)|\bCGTs?\b|先进治疗|\bATMPs?\b|(?i:advanced therap[A-Za-z]*)", "CGT"),
        (@"基因编辑|(?i:gene[- ]editing)|CRISPR", "gene editing"),
        (@"溶瘤病毒|(?i:oncolytic vir[A-Za-z]*)", "oncolytic virus"),
        (@"小核酸|(?i:small nucleic acid|antisense oligonucleotide)|siRNA|\bASOs?\b|反义寡核苷酸|RNAi", "small nucleic acid"),
        (@"\bmRNA\b", "mRNA"),
        (@"干细胞|间充质|(?i:stem[- ]cell)|\bMSCs?\b", "stem cell"),
        (@"基因治疗|基因疗法|(?i:gene[- ]therap[A-Za-z]*)", "gene therapy"),
        (@"细胞治疗|细胞疗法|细胞药物|(?i:cell[- ]therap[A-Za-z]*|cell[- ]based therap[A-Za-z]*)", "cell therapy"),
        // Generic-name stems: …仑赛 (CAR-T), …司兰/…生钠 (siRNA/ASO), …vec (gene therapy), …leucel (cell therapy).
        (@"\p{IsCJKUnifiedIdeographs}{1,8}仑赛", "CAR-T"),
        (@"\p{IsCJKUnifiedIdeographs}{1,8}(?:司兰|司仑|生钠|西兰)", "small nucleic acid"),
        // …赛 is the Chinese rendering of the INN stem -cel (cell therapies) when it names a product (…赛注射液).
        (@"\p{IsCJKUnifiedIdeographs}{1,8}赛(?=注射液|细胞注射液)", "cell therapy"),
        (@"(?i)\b[A-Za-z]+(?:siran|rsen)\b", "small nucleic acid"),
        (@"(?i)\b[A-Za-z]+vec\b", "gene therapy"),
        (@"(?i)\b[A-Za-z]+-cel\b", "CAR-T"),
        (@"(?i)\b[A-Za-z]+leucel\b", "cell therapy"),
    ]);
}
