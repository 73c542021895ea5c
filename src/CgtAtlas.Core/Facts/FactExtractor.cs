using System.Text.RegularExpressions;
using CgtAtlas.Documents;

namespace CgtAtlas.Facts;

/// <summary>
/// Extracts typed facts (counts, shares, prices, approvals, policies …) from the numbered paragraphs of one document.
/// Rule-based and deterministic: the same paragraphs always give the same facts, so stored facts can be compared
/// across re-runs of the same <see cref="Version"/>. Immutable and thread-safe.
/// </summary>
public sealed class FactExtractor
{
    /// <summary>Bumped whenever the rules change what is extracted, so stored facts can be re-extracted.</summary>
    public const int Version = 1;

    // A document must be about the field at all: an office notice full of numbers yields no facts.
    private static readonly Regex DomainCue = new(
        @"治疗|疗法|药|临床|患者|细胞|基因|融资|生物|医|(?i:therap|drug|clinical|trial|patient|\bcells?\b|gene|biotech|pharma|medic|FDA|NMPA|CAR-T|oncolog|approv)",
        RegexOptions.CultureInvariant);

    private static readonly Regex BreakdownCue = new(
        @"包括|其中|分别|(?i:including|of which|of these|of them|among them|among which|comprising)|[:—–]", RegexOptions.CultureInvariant);

    private static readonly Regex PatientWord = new(@"患者|病人|受试者|病例|(?i:patients)", RegexOptions.CultureInvariant);

    private static readonly Regex ForecastTarget = new(@"(?:到|至|(?i:\bby|\bin))\s*(?<y>20\d{2})", RegexOptions.CultureInvariant);

    private static readonly Regex ComparedYear = new(@"(?:较|比|相比|(?i:\bfrom|\bthan|\bsince|compared (?:with|to)|versus|vs\.?))\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex ProductHeader = new(@"^(?:产品|商品名|药品|(?i:product|brand))", RegexOptions.CultureInvariant);
    private static readonly Regex CompanyHeader = new(@"^(?:企业|公司|厂家|(?i:company|sponsor|developer))", RegexOptions.CultureInvariant);

    /// <summary>Extracts the facts of one document, in paragraph and reading order.</summary>
    /// <param name="paragraphs">The document's paragraphs (NFKC-normalised text).</param>
    /// <param name="published">Publication date: resolves 今年, "last year" and dates written without a year.</param>
    public IReadOnlyList<Fact> Extract(IReadOnlyList<Paragraph> paragraphs, DateOnly? published = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var facts = new List<Fact>();
        if (!paragraphs.Any(p => DomainCue.IsMatch(p.Text)))
        {
            return facts;
        }

        var nextGroup = 1;
        string[]? header = null;
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Text;
            var isTable = SentenceSplitter.IsTableRow(text);
            string[]? cells = isTable ? text.Split('|').Select(c => c.Trim()).ToArray() : null;
            if (!isTable)
            {
                header = null;
            }

            var dates = DateResolver.FindAll(text, published);
            var mask = QuantityMatcher.MaskNonQuantities(text, dates);
            var quantities = QuantityMatcher.FindAll(text, mask);

            if (isTable && quantities.All(q => q.Skip is not null))
            {
                // A row without amounts is the header: its cells tell what each column's numbers are.
                if (header is null || !text.Any(char.IsAsciiDigit))
                {
                    header = cells;
                }

                continue;
            }

            var context = new ParagraphContext(paragraph, text, dates, published,
                ModalityResolver.Terms.FindAll(text), AgencyResolver.Agencies.FindAll(text), AgencyResolver.Regions.FindAll(text),
                header is not null && cells is not null && header.Length == cells.Length ? header : null, cells);

            var sentences = SentenceSplitter.Sentences(text);
            for (var si = 0; si < sentences.Count; si++)
            {
                var sentence = sentences[si];
                var headerCell = context.Header is not null && si < context.Header.Length ? context.Header[si] : string.Empty;
                ExtractEvents(context, sentence, facts);
                ExtractQuantities(context, sentence, headerCell, quantities, facts, ref nextGroup);
            }
        }

        return facts;
    }

    private sealed record ParagraphContext(
        Paragraph Paragraph,
        string Text,
        List<DateMention> Dates,
        DateOnly? Published,
        List<Mention> Modalities,
        List<Mention> Agencies,
        List<Mention> Regions,
        string[]? Header,
        string[]? Cells);

    private static void ExtractEvents(ParagraphContext c, TextSpan sentence, List<Fact> facts)
    {
        var s = sentence.Of(c.Text);
        var agencies = c.Agencies.Where(m => sentence.Contains(m.Start)).ToList();
        foreach (var e in EventMatcher.Find(s, agencies.Count > 0))
        {
            var agency = agencies.FirstOrDefault().Value;
            string? modality;
            if (e.Kind == FactKinds.Policy)
            {
                var title = EventMatcher.TitleIn(s);
                var inTitle = title.Success
                    ? c.Modalities.FirstOrDefault(m => m.Start >= sentence.Start + title.Index && m.End <= sentence.Start + title.Index + title.Length).Value
                    : null;
                modality = inTitle ?? c.Modalities.FirstOrDefault(m => sentence.Contains(m.Start)).Value;
            }
            else
            {
                modality = MostSpecific(c.Modalities.Where(m => sentence.Contains(m.Start)).Select(m => m.Value));
            }

            var region = c.Regions.FirstOrDefault(m => sentence.Contains(m.Start)).Value ?? AgencyResolver.RegionOf(agency);
            var date = e.Kind == FactKinds.Platform ? null : EventDate(c.Dates, sentence);
            facts.Add(new Fact(e.Kind, null, null, null, modality, region, agency, e.Product, e.Company, date,
                c.Paragraph.Number, s, null));
        }
    }

    private static void ExtractQuantities(ParagraphContext c, TextSpan sentence, string headerCell, List<Quantity> all, List<Fact> facts,
        ref int nextGroup)
    {
        var inSentence = all.Where(q => q.Skip is null && sentence.Contains(q.NumberStart)).ToList();
        if (inSentence.Count == 0)
        {
            return;
        }

        var text = c.Text;
        var sentenceText = sentence.Of(text);
        var clauses = SentenceSplitter.Clauses(text, sentence);
        var headerRow = c.Header is null ? string.Empty : string.Join(" ", c.Header);
        var forecastCue = KindClassifier.ForecastCue.IsMatch(sentenceText) || FutureTarget(sentenceText, c.Published) is not null;

        // Breakdown: "14款CGT产品,包括7款CAR-T、3款小核酸…" — a count followed by a list cue, then counts of the same unit.
        var groups = new Dictionary<Quantity, int>();
        var heads = new Dictionary<Quantity, Quantity>();
        for (var i = 0; i < inSentence.Count; i++)
        {
            var head = inSentence[i];
            if (head.Unit != Units.Count || head.ArticleOne)
            {
                continue;
            }

            var parts = new List<Quantity>();
            var cueSeen = false;
            var pos = head.End;
            for (var j = i + 1; j < inSentence.Count; j++)
            {
                var part = inSentence[j];
                cueSeen |= BreakdownCue.IsMatch(text[pos..part.Start]);
                pos = part.End;
                if (cueSeen && part.Unit == Units.Count)
                {
                    parts.Add(part);
                }
            }

            if (parts.Count > 0)
            {
                var id = nextGroup++;
                groups[head] = id;
                foreach (var p in parts)
                {
                    groups[p] = id;
                    heads[p] = head;
                }

                break;
            }
        }

        var kinds = new Dictionary<Quantity, string>();
        foreach (var q in inSentence)
        {
            if (q.ArticleOne && !heads.ContainsKey(q))
            {
                continue;
            }

            var clause = clauses.FirstOrDefault(cl => cl.Contains(q.NumberStart));
            if (clause.End == 0)
            {
                clause = sentence;
            }

            var clauseText = clause.Of(text) + " " + headerCell;
            var sentenceCue = sentenceText + " " + headerRow;
            if (q.Unit == Units.Persons)
            {
                q.Unit = PatientWord.IsMatch(clauseText) ? Units.Patients : Units.Count;
            }

            var kind = heads.TryGetValue(q, out var h) && kinds.TryGetValue(h, out var hk)
                ? hk
                : KindClassifier.Classify(q, clauseText, sentenceCue, text, forecastCue);
            kinds[q] = kind;

            var value = q.Value;
            if (kind == FactKinds.Growth && q.Unit == Units.Percent && KindClassifier.IsDecline(clause.Of(text)) && value > 0)
            {
                value = -value;
            }

            var isPart = heads.ContainsKey(q);
            var nextStart = inSentence.FirstOrDefault(o => o.NumberStart > q.NumberStart)?.Start ?? sentence.End;
            var modality = TermDictionary.Nearest(c.Modalities, q.NumberStart, clause, sentence, followingFirst: isPart, nearLimit: nextStart);
            if (isPart && modality is not null && !c.Modalities.Any(m => m.Start >= q.End && m.Start < nextStart))
            {
                // A part with no label of its own ("其中9款在近三年获批") takes the total's modality.
                modality = null;
            }

            modality ??= isPart ? FactModalityOfHead(c, heads[q], clauses, sentence) : null;
            modality ??= HeaderModality(headerCell) ?? (c.Header is null ? null : FirstModality(string.Join(" ", c.Cells ?? [])) ?? FirstModality(headerRow));

            var agency = TermDictionary.Nearest(c.Agencies, q.NumberStart, sentence, sentence);
            var region = TermDictionary.Nearest(c.Regions, q.NumberStart, clause, sentence) ?? AgencyResolver.RegionOf(agency);
            var date = QuantityDate(c, sentence, kind, sentenceText);
            var (product, company) = TableProductCompany(c);
            var evidence = sentenceText;
            facts.Add(new Fact(kind, Math.Round(value, 4), q.Unit, q.Qualifier, modality, region, agency, product, company, date,
                c.Paragraph.Number, evidence, groups.TryGetValue(q, out var g) ? g : null));
        }
    }

    private static string? FactModalityOfHead(ParagraphContext c, Quantity head, List<TextSpan> clauses, TextSpan sentence)
    {
        var clause = clauses.FirstOrDefault(cl => cl.Contains(head.NumberStart));
        return TermDictionary.Nearest(c.Modalities, head.NumberStart, clause.End == 0 ? sentence : clause, sentence);
    }

    private static string? HeaderModality(string headerCell) => headerCell.Length == 0 ? null : FirstModality(headerCell);

    private static string? FirstModality(string text) => text.Length == 0 ? null : ModalityResolver.Terms.FindAll(text).FirstOrDefault().Value;

    private static (string? Product, string? Company) TableProductCompany(ParagraphContext c)
    {
        if (c.Header is null || c.Cells is null)
        {
            return (null, null);
        }

        string? Column(Regex header)
        {
            var i = Array.FindIndex(c.Header, h => header.IsMatch(h));
            return i >= 0 && i < c.Cells.Length && c.Cells[i].Length > 0 ? c.Cells[i].Split('/')[0].Trim() : null;
        }

        return (Column(ProductHeader), Column(CompanyHeader));
    }

    /// <summary>As-of date first (截至6月底), then a forecast's target year, then the year the figure is for.</summary>
    private static string? QuantityDate(ParagraphContext c, TextSpan sentence, string kind, string sentenceText)
    {
        var inSentence = c.Dates.Where(d => sentence.Contains(d.Start) && DateResolver.IsReal(d)).ToList();
        if (inSentence.FirstOrDefault(d => d.Kind == DateKind.AsOf) is { Iso: not null } asOf)
        {
            return asOf.Iso;
        }

        if (kind == FactKinds.Forecast && FutureTarget(sentenceText, c.Published) is { } target)
        {
            return target;
        }

        foreach (var d in inSentence.Where(d => d.Kind == DateKind.Year))
        {
            if (!ComparedYear.IsMatch(c.Text[..d.Start]))
            {
                return d.Iso;
            }
        }

        return null;
    }

    private static string? FutureTarget(string sentence, DateOnly? published)
    {
        foreach (Match m in ForecastTarget.Matches(sentence))
        {
            var y = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (published is { } p && y > p.Year)
            {
                return m.Groups["y"].Value;
            }
        }

        return null;
    }

    private static string? EventDate(List<DateMention> dates, TextSpan sentence)
    {
        var inSentence = dates.Where(d => sentence.Contains(d.Start) && DateResolver.IsReal(d)).ToList();
        return (inSentence.FirstOrDefault(d => d.Kind == DateKind.Day).Iso
            ?? inSentence.FirstOrDefault(d => d.Kind == DateKind.Month).Iso
            ?? inSentence.FirstOrDefault(d => d.Kind == DateKind.Year).Iso);
    }

    // Most specific first: a named CAR-T approval is CAR-T even when the sentence also says "cell therapy".
    private static readonly string[] Specificity =
    [
        "CAR-T", "TCR-T", "TIL", "CAR-NK", "gene editing", "small nucleic acid", "mRNA", "oncolytic virus", "stem cell",
        "gene therapy", "cell therapy", "CGT",
    ];

    private static string? MostSpecific(IEnumerable<string> modalities)
    {
        var set = modalities.ToHashSet();
        return Specificity.FirstOrDefault(set.Contains);
    }
}
