using System.Text.RegularExpressions;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Facts;

/// <summary>Names of modalities, mapped to the canonical list (most specific first).</summary>
internal static partial class ModalityResolver
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
        (CarNk, "CAR-NK", []),
        (TcrT, "TCR-T", []),
        (CarT, "CAR-T", []),
        (Til, "TIL", []),
        (Cgt, "CGT", []),
        (GeneEditing, "gene editing", []),
        (OncolyticVirus, "oncolytic virus", []),
        (SmallNucleicAcid, "small nucleic acid", []),
        (Mrna, "mRNA", []),
        (StemCell, "stem cell", []),
        (GeneTherapy, "gene therapy", []),
        (CellTherapy, "cell therapy", []),
        // Generic-name stems: …仑赛 (CAR-T), …司兰/…生钠 (siRNA/ASO), …vec (gene therapy), …leucel (cell therapy).
        (CarTStem, "CAR-T", ["仑赛"]),
        (NucleicAcidStem, "small nucleic acid", ["司兰", "司仑", "生钠", "西兰"]),
        // …赛 is the Chinese rendering of the INN stem -cel (cell therapies) when it names a product (…赛注射液).
        (CellTherapyStem, "cell therapy", ["注射液"]),
        (NucleicAcidInn, "small nucleic acid", ["siran", "rsen"]),
        (GeneTherapyInn, "gene therapy", ["vec"]),
        (CarTInn, "CAR-T", ["-cel"]),
        (CellTherapyInn, "cell therapy", ["leucel"]),
    ]);

    [GeneratedRegex("""CAR-?NK""", RegexOptions.CultureInvariant)]
    private static partial Regex CarNk { get; }

    [GeneratedRegex("""TCR-?T""", RegexOptions.CultureInvariant)]
    private static partial Regex TcrT { get; }

    [GeneratedRegex($$"""CAR-?T(?:s{{B}})?|(?i:cabtagene)|嵌合抗原受体T""", RegexOptions.CultureInvariant)]
    private static partial Regex CarT { get; }

    [GeneratedRegex($$"""{{B}}TILs?{{B}}|肿瘤浸润淋巴细胞""", RegexOptions.CultureInvariant)]
    private static partial Regex Til { get; }

    [GeneratedRegex($$"""细胞和基因治疗|细胞与基因治疗|基因和细胞治疗|(?i:cell(?:ular)? (?:and|&) gene therap[A-Za-z]*|gene (?:and|&) cell therap[A-Za-z]*)|{{B}}CGTs?{{B}}|先进治疗|{{B}}ATMPs?{{B}}|(?i:advanced therap[A-Za-z]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Cgt { get; }

    [GeneratedRegex("""基因编辑|(?i:gene[- ]editing)|CRISPR""", RegexOptions.CultureInvariant)]
    private static partial Regex GeneEditing { get; }

    [GeneratedRegex("""溶瘤病毒|(?i:oncolytic vir[A-Za-z]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex OncolyticVirus { get; }

    [GeneratedRegex($$"""小核酸|(?i:small nucleic acid|antisense oligonucleotide)|siRNA|{{B}}ASOs?{{B}}|反义寡核苷酸|RNAi""", RegexOptions.CultureInvariant)]
    private static partial Regex SmallNucleicAcid { get; }

    [GeneratedRegex($$"""{{B}}mRNA{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex Mrna { get; }

    [GeneratedRegex($$"""干细胞|间充质|(?i:stem[- ]cell)|{{B}}MSCs?{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex StemCell { get; }

    [GeneratedRegex("""基因治疗|基因疗法|(?i:gene[- ]therap[A-Za-z]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex GeneTherapy { get; }

    [GeneratedRegex("""细胞治疗|细胞疗法|细胞药物|(?i:cell[- ]therap[A-Za-z]*|cell[- ]based therap[A-Za-z]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex CellTherapy { get; }

    [GeneratedRegex("""\p{IsCJKUnifiedIdeographs}{1,8}仑赛""", RegexOptions.CultureInvariant)]
    private static partial Regex CarTStem { get; }

    [GeneratedRegex("""\p{IsCJKUnifiedIdeographs}{1,8}(?:司兰|司仑|生钠|西兰)""", RegexOptions.CultureInvariant)]
    private static partial Regex NucleicAcidStem { get; }

    [GeneratedRegex("""\p{IsCJKUnifiedIdeographs}{1,8}赛(?=注射液|细胞注射液)""", RegexOptions.CultureInvariant)]
    private static partial Regex CellTherapyStem { get; }

    [GeneratedRegex($$"""(?i){{B}}[A-Za-z]+(?:siran|rsen){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex NucleicAcidInn { get; }

    [GeneratedRegex($$"""(?i){{B}}[A-Za-z]+vec{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex GeneTherapyInn { get; }

    [GeneratedRegex($$"""(?i){{B}}[A-Za-z]+-cel{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex CarTInn { get; }

    [GeneratedRegex($$"""(?i){{B}}[A-Za-z]+leucel{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex CellTherapyInn { get; }
}
