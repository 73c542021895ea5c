using System.Text.RegularExpressions;
using CgtAtlas.Text;

namespace CgtAtlas.Knowledge;

/// <summary>
/// Decides whether a trial is CGT and which canonical modality it tests, from its interventions (name, other names,
/// description) and, only as a fallback for biological or genetic products named by a code, its title. Signals come from
/// the shared glossary (kind <c>modality</c>), the knowledge base's product names (Yescarta → CAR-T) and INN stems
/// (-cabtagene autoleucel, -parvovec, -siran, -rsen, -temcel …). Precedence when one study has several signals:
/// gene editing &gt; CAR-T / CAR-NK / TCR-T / TIL &gt; oncolytic virus &gt; gene therapy &gt; small nucleic acid &gt; mRNA &gt;
/// stem cell &gt; tissue engineering &gt; cell therapy. Immutable and thread-safe.
/// </summary>
public sealed partial class TrialClassifier
{
    /// <summary>Modalities from strongest to weakest.</summary>
    public static readonly IReadOnlyList<string> Precedence =
    [
        "gene editing", "CAR-NK", "CAR-T", "TCR-T", "TIL", "oncolytic virus", "gene therapy", "small nucleic acid", "mRNA", "stem cell",
        "tissue engineering", "cell therapy",
    ];

    /// <summary>Glossary concepts (kind modality) → canonical modality. Concepts not listed say nothing about the modality.</summary>
    private static readonly Dictionary<string, string> s_glossaryModality = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CAR-T"] = "CAR-T", ["in vivo CAR-T"] = "CAR-T", ["allogeneic CAR-T"] = "CAR-T",
        ["TCR-T"] = "TCR-T", ["TIL"] = "TIL", ["CAR-NK"] = "CAR-NK",
        ["CAR-M"] = "cell therapy", ["CAR-Treg"] = "cell therapy", ["NK cell"] = "cell therapy", ["CIK"] = "cell therapy",
        ["gamma delta T cell"] = "cell therapy", ["dendritic cell vaccine"] = "cell therapy", ["immune cell therapy"] = "cell therapy",
        ["cell therapy"] = "cell therapy", ["non-genetically modified cell therapy"] = "cell therapy",
        ["stem cell"] = "stem cell", ["MSC"] = "stem cell", ["iPSC"] = "stem cell", ["HSC"] = "stem cell", ["embryonic stem cell"] = "stem cell",
        ["small nucleic acid"] = "small nucleic acid", ["siRNA"] = "small nucleic acid", ["ASO"] = "small nucleic acid", ["miRNA"] = "small nucleic acid",
        ["mRNA"] = "mRNA", ["circRNA"] = "mRNA",
        ["gene editing"] = "gene editing", ["CRISPR-Cas9"] = "gene editing", ["base editing"] = "gene editing", ["prime editing"] = "gene editing",
        ["epigenetic editing"] = "gene editing", ["ZFN"] = "gene editing", ["TALEN"] = "gene editing",
        ["gene therapy"] = "gene therapy", ["in vivo gene therapy"] = "gene therapy", ["ex vivo gene therapy"] = "gene therapy",
        ["AAV"] = "gene therapy", ["adenoviral vector"] = "gene therapy", ["HSV vector"] = "gene therapy", ["lentiviral vector"] = "gene therapy",
        ["retroviral vector"] = "gene therapy", ["genetically modified cell therapy"] = "gene therapy",
        ["oncolytic virus"] = "oncolytic virus", ["tissue engineering"] = "tissue engineering",
    };

    /// <summary>INN stems and phrases the glossary does not hold.</summary>
    private static readonly (Regex Pattern, string Modality)[] s_patterns =
    [
        (Stem(@"\w*cabtagene\b|\w+lecleucel\b|\bCAR[- ]?T\b|\bCAR-[A-Z0-9.]+ T[- ]cells?|chimeric antigen receptor[- ]T|\banti-\w+ CAR\b"), "CAR-T"),
        (Stem(@"\bCAR[- ]?NK\b|CAR[^.]{0,60}natural killer|natural killer[^.]{0,80}\bCAR\b"), "CAR-NK"),
        (Stem(@"\w+tresgene autoleucel|T[- ]cell receptor|\bTCR\b"), "TCR-T"),
        (Stem(@"tumou?r[- ]infiltrating lymphocytes?|\w+fileucel\b"), "TIL"),
        (Stem(@"\boncolytic\b|\w+repvec\b|溶瘤"), "oncolytic virus"),
        (Stem(@"\w+gene \w*temcel\b|\w+parvovec\b|\w+vec\b|adeno-associated|\bAAV\d*\b|gene transfer|vector (expressing|encoding)"), "gene therapy"),
        (Stem(@"\w+siran\b|\w+rsen\b|\bsiRNA\b|antisense|oligonucleotide|\bGalNAc\b"), "small nucleic acid"),
        (Stem(@"\bmRNA\b[^.]{0,40}(vaccine|encoding|lipid nanoparticle|LNP)|(vaccine|lipid nanoparticle)[^.]{0,40}\bmRNA\b"), "mRNA"),
        (Stem(@"\w+temcel\b|\w+strocel\b|mesenchymal|stem cells?\b|\bCD34\+"), "stem cell"),
        (Stem(@"\bcell therapy\b|natural killer cells?|\bNK cells?\b|dendritic cells?"), "cell therapy"),
    ];

    /// <summary>Sentences about patients' history ("must have received prior CAR-T") are not about the intervention.</summary>
    [GeneratedRegex(@"\b(prior|previous|previously|received|relapsed after|refractory to|failed|after)\b|既往|曾接受", RegexOptions.IgnoreCase)]
    private static partial Regex HistoryWords();

    [GeneratedRegex(@"(?<=[.;。；])\s*")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(COVID|SARS-CoV-2|influenza|RSV|respiratory syncytial|cytomegalovirus|zika|rabies)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Infectious();

    private static Regex Stem(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private readonly Dictionary<string, string> _glossaryKeys = new(StringComparer.Ordinal);
    private readonly int _longest;
    private readonly TextAnalyzer _analyzer;
    private readonly KnowledgeBase? _knowledge;

    /// <summary>Creates a classifier over the shared text services and, optionally, the knowledge base's product names.</summary>
    public TrialClassifier(TextServices text, KnowledgeBase? knowledge = null)
    {
        _analyzer = text.Analyzer;
        _knowledge = knowledge;
        foreach (var entry in text.Glossary.Entries.Where(e => e.Kind == "modality"))
        {
            if (!s_glossaryModality.TryGetValue(entry.Canonical, out var modality))
            {
                continue;
            }

            foreach (var alias in entry.Aliases)
            {
                var tokens = _analyzer.Analyze(TextNormalizer.Normalize(alias));
                if (tokens.Count > 0)
                {
                    _glossaryKeys.TryAdd(Glossary.KeyOf(tokens), modality);
                    _longest = Math.Max(_longest, tokens.Count);
                }
            }
        }
    }

    /// <summary>Classifies one trial: (is CGT, modality, evidence).</summary>
    public (bool IsCgt, string? Modality, string? Evidence) Classify(string title, IReadOnlyList<TrialIntervention> interventions, IReadOnlyList<string>? conditions = null)
    {
        var found = new List<(string Modality, string Evidence)>();
        foreach (var intervention in interventions)
        {
            var text = string.Join(". ", new[] { intervention.Name }.Concat(intervention.OtherNames)) + ". " + AboutTheProduct(intervention.Description);
            found.AddRange(Signals(text));
        }

        var infectious = Infectious().IsMatch(title) || (conditions ?? []).Any(c => Infectious().IsMatch(c))
            || interventions.Any(i => Infectious().IsMatch(i.Name + " " + i.Description));
        found.RemoveAll(f => f.Modality == "mRNA" && infectious);
        if (found.Count == 0 && interventions.Any(i => i.Type is "BIOLOGICAL" or "GENETIC" or "COMBINATION_PRODUCT"))
        {
            // A product named only by a code: the title says what it is.
            found.AddRange(Signals(AboutTheProduct(title)).Where(f => !(f.Modality == "mRNA" && infectious)));
        }

        if (found.Count == 0)
        {
            return (false, null, null);
        }

        var best = found.OrderBy(f => Rank(f.Modality)).First();
        return (true, best.Modality, best.Evidence);
    }

    /// <summary>Canonical modality signals in a piece of text, with the words that gave them.</summary>
    public IEnumerable<(string Modality, string Evidence)> Signals(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (_knowledge is not null)
        {
            foreach (var match in _knowledge.AliasIndex.Scan(normalized).Where(m => m.Entity.Type == EntityType.Product))
            {
                if (_knowledge.ApprovalsOf(match.Entity.Id).FirstOrDefault() is { } product)
                {
                    yield return (product.Modality, match.Surface);
                }
            }
        }

        var tokens = _analyzer.Analyze(normalized);
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var length = Math.Min(_longest, tokens.Count - i); length >= 1; length--)
            {
                if (_glossaryKeys.TryGetValue(Glossary.KeyOf(tokens.Skip(i).Take(length)), out var modality))
                {
                    // A bare "mRNA" is any transcript ("targeting PCSK9 mRNA"); the mRNA pattern needs a product context.
                    if (modality == "mRNA" && length == 1)
                    {
                        break;
                    }

                    var end = tokens[i + length - 1].Start + tokens[i + length - 1].Length;
                    yield return (modality, normalized[tokens[i].Start..end]);
                    break;
                }
            }
        }

        foreach (var (pattern, modality) in s_patterns)
        {
            if (pattern.Match(normalized) is { Success: true } m)
            {
                yield return (modality, m.Value);
            }
        }
    }

    private static int Rank(string modality)
    {
        var index = Precedence.IndexOf(modality);
        return index < 0 ? Precedence.Count : index;
    }

    private static string AboutTheProduct(string? description) =>
        description is null ? string.Empty : string.Join(' ', SentenceBreak().Split(description).Where(s => !HistoryWords().IsMatch(s)));
}

internal static class ListExtensions
{
    public static int IndexOf<T>(this IReadOnlyList<T> list, T value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
            {
                return i;
            }
        }

        return -1;
    }
}
