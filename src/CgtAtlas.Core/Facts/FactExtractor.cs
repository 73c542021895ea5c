using System.Text.RegularExpressions;
using CgtAtlas.Documents;
using CgtAtlas.Text;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Facts;

/// <summary>
/// Extracts typed facts (counts, shares, prices, approvals, policies …) from the numbered paragraphs of one document.
/// Rule-based and deterministic: the same paragraphs always give the same facts, so stored facts can be compared
/// across re-runs of the same <see cref="Version"/>. Immutable and thread-safe.
/// </summary>
public sealed partial class FactExtractor
{
    /// <summary>Bumped whenever the rules change what is extracted, so stored facts can be re-extracted.</summary>
    public const int Version = 4;

    // A document must be about the field at all: an office notice full of numbers yields no facts.
    [GeneratedRegex($$"""治疗|疗法|药|临床|患者|细胞|基因|融资|医疗|(?i:therap|drug|clinical|trial|patient|{{B}}cells?{{B}}|gene|biotech|{{B}}bio|pharma|medic|FDA|NMPA|CAR-T|oncolog|approv|financing|funding|licens|milestone|royalt)""", RegexOptions.CultureInvariant)]
    private static partial Regex DomainCue { get; }

    // "6款产品中有5款", "14款之中有9款", "7款产品中靶向CD19的有4款": a part counted out of the whole just named.
    [GeneratedRegex("""包括|其中|分别|(?:之|当)?中有|中[^,;。\d]{1,10}的有|(?i:including|of which|of these|of them|among them|among which|comprising)|[:—–]""", RegexOptions.CultureInvariant)]
    private static partial Regex BreakdownCue { get; }

    [GeneratedRegex("""患者|病人|受试者|病例|(?i:patients)""", RegexOptions.CultureInvariant)]
    private static partial Regex PatientWord { get; }

    [GeneratedRegex($$"""(?:到|至|(?i:{{B}}by|{{B}}in))\s*(?<y>20\d{2})""", RegexOptions.CultureInvariant)]
    private static partial Regex ForecastTarget { get; }

    [GeneratedRegex($$"""(?:较|比|相比|(?i:{{B}}from|{{B}}than|{{B}}since|compared (?:with|to)|versus|vs\.?))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex ComparedYear { get; }

    [GeneratedRegex($$"""(?:截至|截止|到|(?i:{{B}}as of|{{B}}by|{{B}}through))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex AsOfLead { get; }

    [GeneratedRegex("""^(?:产品|商品名|药品|(?i:product|brand))""", RegexOptions.CultureInvariant)]
    private static partial Regex ProductHeader { get; }
    [GeneratedRegex("""^(?:企业|公司|厂家|(?i:company|sponsor|developer))""", RegexOptions.CultureInvariant)]
    private static partial Regex CompanyHeader { get; }

    /// <summary>Extracts the facts of one document, in paragraph and reading order.</summary>
    /// <param name="paragraphs">The document's paragraphs (NFKC-normalised text).</param>
    /// <param name="published">Publication date: resolves 今年, "last year" and dates written without a year.</param>
    public IReadOnlyList<Fact> Extract(IReadOnlyList<Paragraph> paragraphs, DateOnly? published = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var facts = new List<Fact>();
        // The patterns are written in simplified Chinese: traditional characters are folded one to one (same length, so
        // every offset still points into the original paragraph, which the evidence is cut from).
        var folded = paragraphs.Select(p => TraditionalToSimplified.Shipped.Fold(p.Text)).ToList();
        if (!folded.Any(t => DomainCue.IsMatch(t) || ModalityResolver.FindAll(t).Count > 0 || AgencyResolver.Agencies.FindAll(t).Count > 0))
        {
            return facts;
        }

        var nextGroup = 1;
        string[]? header = null;
        var document = new DocumentState();
        for (var pi = 0; pi < paragraphs.Count; pi++)
        {
            var paragraph = paragraphs[pi];
            var text = folded[pi];
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
                ModalityResolver.FindAll(text), AgencyResolver.Agencies.FindAll(text), AgencyResolver.Regions.FindAll(text),
                header is not null && cells is not null && header.Length == cells.Length ? header : null, cells);

            var sentences = SentenceSplitter.Sentences(text);
            for (var si = 0; si < sentences.Count; si++)
            {
                var sentence = sentences[si];
                var headerCell = context.Header is not null && si < context.Header.Length ? context.Header[si] : string.Empty;
                document.SentenceStart = sentence.Start;
                ExtractEvents(context, sentence, facts, document);
                ExtractQuantities(context, sentence, headerCell, quantities, facts, document, ref nextGroup);
            }

            document.LastAgency = context.Agencies.LastOrDefault().Value ?? document.LastAgency;
            // The topic region of a paragraph is the first one it names ("国内…,覆盖全球…" is about China).
            document.LastRegion = context.Regions.FirstOrDefault().Value ?? AgencyResolver.RegionOf(context.Agencies.FirstOrDefault().Value)
                ?? document.LastRegion;
        }

        return facts;
    }

    /// <summary>
    /// What earlier text established: news paragraphs keep talking about the same regulator and country
    /// ("In December, the agency also approved …"; "其中,约七成患者…" after "国内已有…").
    /// </summary>
    private sealed class DocumentState
    {
        public string? LastAgency { get; set; }

        public string? LastRegion { get; set; }

        public int SentenceStart { get; set; }

        /// <summary>The region last named before the current sentence (this paragraph, then earlier ones).</summary>
        public string? RegionBefore(ParagraphContext c) =>
            c.Regions.FirstOrDefault(m => m.End <= SentenceStart).Value
            ?? AgencyResolver.RegionOf(c.Agencies.FirstOrDefault(m => m.End <= SentenceStart).Value)
            ?? LastRegion;
    }

    [GeneratedRegex($$"""(?i:{{B}}the (?:agency|regulator){{B}})|该局|监管部门""", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyAnaphora { get; }

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

    private static void ExtractEvents(ParagraphContext c, TextSpan sentence, List<Fact> facts, DocumentState document)
    {
        var s = sentence.Of(c.Text);
        var agencies = c.Agencies.Where(m => sentence.Contains(m.Start)).ToList();
        foreach (var e in EventMatcher.Find(s, agencies.Count > 0))
        {
            var agency = agencies.FirstOrDefault().Value ?? (AgencyAnaphora.IsMatch(s) ? document.LastAgency : null);
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

            // The approving or issuing agency named in the sentence decides the region over any country it mentions
            // ("CDE发布…,与欧盟的ATMP架构接近" is a Chinese policy). A policy titled with 《》 is a Chinese document even
            // when no region is named.
            var region = AgencyResolver.RegionOf(agencies.FirstOrDefault().Value) ?? c.Regions.FirstOrDefault(m => sentence.Contains(m.Start)).Value
                ?? AgencyResolver.RegionOf(agency)
                ?? (e.Kind == FactKinds.Policy && s.Contains('《', StringComparison.Ordinal) ? "CN" : null)
                ?? document.RegionBefore(c);
            var date = e.Kind == FactKinds.Platform ? null : EventDate(c.Dates, sentence);
            facts.Add(new Fact(e.Kind, null, null, null, modality, region, agency, e.Product, e.Company, date,
                c.Paragraph.Number, sentence.Of(c.Paragraph.Text), null));
        }
    }

    private static void ExtractQuantities(ParagraphContext c, TextSpan sentence, string headerCell, List<Quantity> all, List<Fact> facts,
        DocumentState document, ref int nextGroup)
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
        var labelsBefore = false;
        var headScopeEnd = sentence.End;
        for (var i = 0; i < inSentence.Count; i++)
        {
            var head = inSentence[i];
            if (head.Unit != Units.Count || head.ArticleOne)
            {
                continue;
            }

            var parts = new List<Quantity>();
            // "Of the six products, four …": the whole opens the sentence and every later count is a part of it.
            var cueSeen = WholeBefore.IsMatch(text[sentence.Start..head.NumberStart]);
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
                // "包括7款CAR-T、3款小核酸" labels follow the numbers; "其中CAR-T产品4款、基因治疗产品2款" labels precede them.
                // The first part decides: is there a label between the list cue and its number?
                var lead = text[head.End..parts[0].NumberStart];
                var cue = BreakdownCue.Matches(lead).LastOrDefault();
                var labelStart = head.End + (cue is null ? 0 : cue.Index + cue.Length);
                labelsBefore = c.Modalities.Any(m => m.Start >= labelStart && m.End <= parts[0].NumberStart);
                var id = nextGroup++;
                groups[head] = id;
                headScopeEnd = cue is null ? parts[0].Start : head.End + cue.Index;
                foreach (var p in parts)
                {
                    groups[p] = id;
                    heads[p] = head;
                }

                break;
            }
        }

        var kinds = new Dictionary<Quantity, string>();
        var respective = RespectiveModalities(c, sentence, sentenceText, inSentence);

        // Sentence-level lookups, done once per sentence rather than once per number.
        var subjectCompany = new Lazy<string?>(() => EventMatcher.SubjectCompany(sentenceText));
        var subjectProduct = new Lazy<string?>(() => EventMatcher.SubjectProduct(sentenceText));
        var whole = new Lazy<double?>(() => BackReferencedWhole(text, sentence, all));
        var named = new Lazy<List<ProductMention>>(() => ProductNames.Shipped.FindAll(sentenceText)
            .Select(m => m with { Start = m.Start + sentence.Start, End = m.End + sentence.Start }).ToList());
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

            // In a projection, the starting figure ("from $4.5 billion in 2024") is a present value, not a forecast.
            var baseYear = BaseYear(text, q, c.Published);
            var kind = heads.TryGetValue(q, out var h) && kinds.TryGetValue(h, out var hk)
                ? hk
                : KindClassifier.Classify(q, clauseText, sentenceCue, text, forecastCue && baseYear is null);
            var nextStart = inSentence.FirstOrDefault(o => o.NumberStart > q.NumberStart)?.Start ?? sentence.End;
            var previousEnd = inSentence.LastOrDefault(o => o.NumberStart < q.NumberStart)?.End ?? sentence.Start;
            // The total of a breakdown owns no more than the text before its parts ("7款产品中靶向CD19的有4款").
            var own = OwnSegment(text, clause, q, previousEnd, groups.ContainsKey(q) && !heads.ContainsKey(q) ? Math.Min(nextStart, headScopeEnd) : nextStart);
            kind = KindClassifier.OwnCountKind(kind, own.Of(text)) ?? kind;
            kinds[q] = kind;

            var value = q.Value;
            if (kind == FactKinds.Growth && q.Unit == Units.Percent && KindClassifier.IsDecline(clause.Of(text)) && value > 0)
            {
                value = -value;
            }

            var isPart = heads.ContainsKey(q);
            string? modality;
            if (isPart)
            {
                // A part reads only its own label; with none ("其中9款在近三年获批") it takes the total's modality.
                modality = labelsBefore
                    ? c.Modalities.LastOrDefault(m => m.Start >= previousEnd && m.End <= q.NumberStart).Value
                    : c.Modalities.FirstOrDefault(m => m.Start >= q.End && m.Start < nextStart).Value;
            }
            else if (respective.TryGetValue(q, out var listed))
            {
                modality = listed;
            }
            else
            {
                // The total of a breakdown reads no further than where its parts begin ("6款产品中有5款为CAR-T").
                var wide = groups.ContainsKey(q) ? new TextSpan(sentence.Start, Math.Max(q.End, headScopeEnd)) : sentence;
                modality = TermDictionary.Nearest(c.Modalities, q.NumberStart, clause, wide, nearLimit: groups.ContainsKey(q) ? headScopeEnd : nextStart);
            }

            modality ??= isPart ? FactModalityOfHead(c, heads[q], clauses, sentence) : null;
            modality ??= HeaderModality(headerCell) ?? (c.Header is null ? null : FirstModality(string.Join(" ", c.Cells ?? [])) ?? FirstModality(headerRow));

            // A sentence that names no modality continues the one its paragraph was just talking about, except when it
            // points back at a whole ("14款中有9款", "of the 14, nine"): then the whole's modality, never a part's.
            modality ??= c.Header is not null ? null
                : whole.Value is { } w ? facts.LastOrDefault(f => f.Unit == Units.Count && f.Value == w)?.Modality
                : c.Modalities.LastOrDefault(m => m.End <= sentence.Start).Value;

            var agency = TermDictionary.Nearest(c.Agencies, q.NumberStart, sentence, sentence);
            // Renminbi is spent in mainland China: a yuan amount whose sentence names no region is Chinese, whatever
            // country the previous paragraph was about.
            var region = TermDictionary.Nearest(c.Regions, q.NumberStart, clause, sentence) ?? AgencyResolver.RegionOf(agency)
                ?? (q.Unit == "CNY" ? "CN" : null)
                ?? document.RegionBefore(c);
            var date = baseYear ?? QuantityDate(c, sentence, kind, sentenceText);
            var (product, company) = TableProductCompany(c);
            if (kind is FactKinds.Funding or FactKinds.DealValue)
            {
                company ??= subjectCompany.Value;
            }
            else if (kind is FactKinds.Price or FactKinds.Revenue)
            {
                var clauseCounts = inSentence.Any(o => o.Unit == Units.Count && clause.Contains(o.NumberStart));
                product ??= NamedProduct(c.Paragraph.Text, named.Value, own, q, clause, sentence, clauseCounts) ?? subjectProduct.Value ?? RowName(c);
            }

            var evidence = sentence.Of(c.Paragraph.Text);
            facts.Add(new Fact(kind, Math.Round(value, 4), q.Unit, q.Qualifier, modality, region, agency, product, company, date,
                c.Paragraph.Number, evidence, groups.TryGetValue(q, out var g) ? g : null, TargetOf(text, own, q)));
        }
    }

    // Where a number's own stretch of a clause begins: after a list cue or a conjunction that starts a new predicate.
    [GeneratedRegex($$"""包括|其中|并且?|而|随后|(?i:including|of which|of these|of them|among them|{{B}}(?:and|but|while|whereas|then){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentStart { get; }

    /// <summary>
    /// The stretch of the clause that belongs to one number: from the last list cue or conjunction before it (never
    /// before the previous number) to the next number.
    /// </summary>
    private static TextSpan OwnSegment(string text, TextSpan clause, Quantity q, int previousEnd, int nextStart)
    {
        var start = Math.Max(clause.Start, Math.Min(previousEnd, q.Start));
        var end = Math.Min(clause.End, Math.Max(nextStart, q.End));
        var lead = SegmentStart.Matches(text[start..q.Start]).LastOrDefault();
        return new TextSpan(lead is null ? start : start + lead.Index, end);
    }

    /// <summary>
    /// The product a price or sales figure is about when its sentence names products only by brand or generic name
    /// (源瑞达定价99.9万元, "Kymriah is priced at $475,000"): the product named in the figure's own stretch before it,
    /// else the only product of its clause, else the only product of its sentence. Two names of one product
    /// (阿基仑赛注射液(奕凯达)) count as one; the name written first is given.
    /// </summary>
    private static string? NamedProduct(string paragraph, List<ProductMention> named, TextSpan own, Quantity q, TextSpan clause, TextSpan sentence,
        bool clauseCountsProducts)
    {
        string? Only(int start, int end, bool nearest)
        {
            var inside = named.Where(m => m.Start >= start && m.End <= end).ToList();
            var keys = inside.Select(m => m.ProductKey).Distinct().Count();
            var pick = nearest ? inside.LastOrDefault() : keys == 1 ? inside[0] : default;
            if (pick.Surface is null)
            {
                return null;
            }

            // One product keeps one name across the sentence, the one written first.
            var first = named.First(m => m.ProductKey == pick.ProductKey);
            return paragraph[first.Start..first.End];
        }

        // A clause that counts products ("6款产品中有5款定价超过百万元") prices a class, not the one product named elsewhere.
        return Only(own.Start, q.Start, nearest: true) ?? Only(clause.Start, clause.End, nearest: false)
            ?? (clauseCountsProducts ? null : Only(sentence.Start, sentence.End, nearest: false));
    }

    // "BCMA CAR-T", "CD19-directed CAR-T", "靶向BCMA", "targeting CLDN18.2": an antigen that narrows what is counted.
    [GeneratedRegex($$"""(?:靶向|(?i:{{B}}target(?:ing|s|ed)?\s+))(?<t>[A-Z][A-Z0-9]{1,7}(?:\.\d)?|Claudin\s?18\.2){{B}}|{{B}}(?<t>[A-Z][A-Z0-9]{1,7}(?:\.\d)?)(?:-|\s)?(?:(?i:directed|targeted|targeting)\s+)?(?:CAR-?T|CAR-?NK|TCR-?T){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex TargetCue { get; }

    // Codes that stand before a modality without being antigens ("FDA CAR-T approvals", "CGT CAR-T").
    private static readonly HashSet<string> NotTargets = new(StringComparer.Ordinal)
        { "FDA", "NMPA", "CDE", "EMA", "PMDA", "MHRA", "NHSA", "CGT", "US", "EU", "UK", "CN", "CAR", "TCR", "ASGCT", "IND", "BLA", "NDA", "AI" };

    /// <summary>
    /// The antigen named in a number's own stretch of its clause, if any. One written after the number must belong to
    /// its noun phrase ("3款靶向CD19", "2 BCMA-directed CAR-T therapies"), not to a part counted out of it
    /// ("7款产品中靶向CD19的有4款").
    /// </summary>
    private static string? TargetOf(string text, TextSpan own, Quantity q)
    {
        foreach (Match m in TargetCue.Matches(own.Of(text)))
        {
            var at = own.Start + m.Index;
            var gap = at > q.End ? text[q.End..at] : string.Empty;
            if (!NotTargets.Contains(m.Groups["t"].Value) && gap.Length <= 30 && gap.IndexOfAny(['中', '有']) < 0)
            {
                return m.Groups["t"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex($$"""分别|(?i:{{B}}respectively{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex RespectivelyCue { get; }

    /// <summary>
    /// "体内CAR-T、通用型CAR-T和小核酸药物…分别获得融资12起、8起和10起" / "CAR-T and TCR-T drew 12 and 8 deals, respectively":
    /// the n-th number belongs to the n-th modality named before the numbers.
    /// </summary>
    private static Dictionary<Quantity, string> RespectiveModalities(ParagraphContext c, TextSpan sentence, string sentenceText, List<Quantity> inSentence)
    {
        var result = new Dictionary<Quantity, string>();
        var cue = RespectivelyCue.Match(sentenceText);
        if (!cue.Success || inSentence.Count < 2)
        {
            return result;
        }

        // The listed numbers: the run sharing one unit that is closest to the cue.
        var cueAt = sentence.Start + cue.Index;
        var anchor = inSentence.FirstOrDefault(q => q.NumberStart > cueAt) ?? inSentence.Last(q => q.NumberStart < cueAt);
        var listed = inSentence.Where(q => q.Unit == anchor.Unit).ToList();
        var first = listed[0].Start;
        var names = c.Modalities.Where(m => m.Start >= sentence.Start && m.End <= first).ToList();
        if (listed.Count < 2 || names.Count != listed.Count)
        {
            return result;
        }

        for (var i = 0; i < listed.Count; i++)
        {
            result[listed[i]] = names[i].Value;
        }

        return result;
    }

    [GeneratedRegex("""^\s*(?:款|个|项|家|种|件)?\s*(?:之中|当中|中)\s*(?:有|,)""", RegexOptions.CultureInvariant)]
    private static partial Regex WholeAfter { get; }

    [GeneratedRegex("""^\s*(?i:(?:of|among)\s+(?:the|these|those|all)\s*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex WholeBefore { get; }

    /// <summary>The total a sentence points back at ("14款中有9款", "Of the 14, nine …"), if it does.</summary>
    private static double? BackReferencedWhole(string text, TextSpan sentence, List<Quantity> all)
    {
        var q = all.FirstOrDefault(q => sentence.Contains(q.NumberStart)
            && (WholeAfter.IsMatch(QuantityMatcher.Head(text, q.NumberEnd)) || WholeBefore.IsMatch(text[sentence.Start..q.NumberStart])));
        return q is null ? null : Math.Round(q.Value, 4);
    }

    private static string? FactModalityOfHead(ParagraphContext c, Quantity head, List<TextSpan> clauses, TextSpan sentence)
    {
        var clause = clauses.FirstOrDefault(cl => cl.Contains(head.NumberStart));
        return TermDictionary.Nearest(c.Modalities, head.NumberStart, clause.End == 0 ? sentence : clause, sentence);
    }

    private static string? HeaderModality(string headerCell) => headerCell.Length == 0 ? null : FirstModality(headerCell);

    private static string? FirstModality(string text) => text.Length == 0 ? null : ModalityResolver.FindAll(text).FirstOrDefault().Value;

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

    [GeneratedRegex("""^[A-Z0-9.\-/ ]+$""", RegexOptions.CultureInvariant)]
    private static partial Regex CodeLike { get; }

    /// <summary>
    /// In a price table without a product column the row is named by its first cell; a cell with digits or an
    /// all-capitals code (CD19, BCMA) is a target or identifier, not a product name.
    /// </summary>
    private static string? RowName(ParagraphContext c)
    {
        var first = c.Cells is { Length: > 1 } cells ? cells[0] : string.Empty;
        return first.Length is >= 2 and <= 30 && !first.Any(char.IsAsciiDigit) && !CodeLike.IsMatch(first) ? first : null;
    }

    /// <summary>As-of date first (截至6月底), then a forecast's target year, then the year the figure is for.</summary>
    private static string? QuantityDate(ParagraphContext c, TextSpan sentence, string kind, string sentenceText)
    {
        var inSentence = c.Dates.Where(d => sentence.Contains(d.Start) && DateResolver.IsReal(d)).ToList();
        if (inSentence.FirstOrDefault(d => d.Kind == DateKind.AsOf) is { Iso: not null } asOf)
        {
            return asOf.Iso;
        }

        // "As of June 30, 2025", "截至2025年4月10日": a cut-off written as a plain date.
        if (inSentence.FirstOrDefault(d => d.Kind is DateKind.Day or DateKind.Month && AsOfLead.IsMatch(QuantityMatcher.Tail(c.Text, d.Start))) is { Iso: not null } cut)
        {
            return cut.Iso;
        }

        if (kind == FactKinds.Forecast && FutureTarget(sentenceText, c.Published) is { } target)
        {
            return target;
        }

        foreach (var d in inSentence.Where(d => d.Kind == DateKind.Year))
        {
            if (!ComparedYear.IsMatch(QuantityMatcher.Tail(c.Text, d.Start)))
            {
                return d.Iso;
            }
        }

        return null;
    }

    [GeneratedRegex("""(?<y>(?:19|20)\d{2})\s*年(?:的|底的|末的)?\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex YearBefore { get; }
    [GeneratedRegex($$"""^\s*(?:\(|(?i:in|as of)\s+)(?<y>(?:19|20)\d{2}){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex YearAfter { get; }

    /// <summary>The past year a figure is explicitly tied to ("2024年的30亿元", "$4.5 billion in 2024"), if any.</summary>
    private static string? BaseYear(string text, Quantity q, DateOnly? published)
    {
        var m = YearBefore.Match(QuantityMatcher.Tail(text, q.Start));
        if (!m.Success)
        {
            m = YearAfter.Match(QuantityMatcher.Head(text, q.End));
        }

        return m.Success && published is { } p && int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) <= p.Year
            ? m.Groups["y"].Value
            : null;
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

    private static string? MostSpecific(IEnumerable<string> modalities)
    {
        var set = modalities.ToHashSet();
        return ModalityResolver.Specificity.FirstOrDefault(set.Contains);
    }
}
