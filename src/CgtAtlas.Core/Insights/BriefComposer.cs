using System.Text.RegularExpressions;
using CgtAtlas.Documents;
using CgtAtlas.Facts;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Insights;

/// <summary>
/// Composes a <see cref="Brief"/> from a document's paragraphs and facts. Deterministic and rule-based:
/// sentences are classified into sections (<see cref="SectionClassifier"/>), fact-bearing sentences are rendered
/// from their facts in the requested language (<see cref="FactPhrases"/>), other sentences are quoted in their own
/// language and marked when it differs, bullets are ranked (fact-bearing, position, cue strength), deduplicated, and
/// every bullet must pass <see cref="CitationVerifier"/> or it is dropped. Immutable and thread-safe.
/// </summary>
public sealed partial class BriefComposer
{
    /// <summary>Bumped whenever composing rules change what a brief says, so cached briefs are recomputed.</summary>
    public const int Version = 3;

    /// <summary>Most bullets in a body section.</summary>
    public const int MaxBulletsPerSection = 3;

    /// <summary>Most bullets in Core Insights.</summary>
    public const int MaxCoreBullets = 2;

    [GeneratedRegex($$"""本文|本报告|(?i:{{B}}this (?:article|report|briefing|review|piece){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex MetaCue { get; }

    [GeneratedRegex($$"""药|临床|审评|审批|患者|(?i:{{B}}drugs?{{B}}|clinical|{{B}}trials?{{B}}|patients?|{{B}}FDA{{B}}|{{B}}NMPA{{B}}|{{B}}CDE{{B}}|{{B}}EMA{{B}}|biotech)""", RegexOptions.CultureInvariant)]
    private static partial Regex DrugContext { get; }

    /// <summary>Fewest field-specific term mentions a document needs before it is summarised (one is enough in a
    /// story about drugs, trials or regulators).</summary>
    public const int MinDomainMentions = 2;

    /// <summary>Fewest characters of running text (a Han character counts three) a document needs before it is summarised.</summary>
    public const int MinTextLength = 150;

    private readonly FactExtractor _extractor;

    /// <summary>Creates a composer that extracts facts with <paramref name="extractor"/> when none are given.</summary>
    public BriefComposer(FactExtractor? extractor = null) => _extractor = extractor ?? new FactExtractor();

    /// <summary>Composes the brief of a stored document.</summary>
    /// <param name="document">The document with its paragraphs.</param>
    /// <param name="language"><c>en</c> (default) or <c>zh</c>.</param>
    /// <param name="facts">The document's facts, when already extracted; extracted here otherwise.</param>
    public Brief Compose(StoredDocument document, string language = "en", IReadOnlyList<Fact>? facts = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Compose(document.Title, document.Paragraphs, document.Published, language, facts);
    }

    /// <summary>Composes the brief of a document given as title and numbered paragraphs.</summary>
    /// <param name="title">The document title.</param>
    /// <param name="paragraphs">Numbered paragraphs (NFKC-normalised, as stored).</param>
    /// <param name="published">Publication date, for the fact extractor's relative dates.</param>
    /// <param name="language"><c>en</c> (default) or <c>zh</c>.</param>
    /// <param name="facts">The document's facts, when already extracted; extracted here otherwise.</param>
    public Brief Compose(string title, IReadOnlyList<Paragraph> paragraphs, DateOnly? published, string language = "en", IReadOnlyList<Fact>? facts = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var lang = NormalizeLanguage(language);
        var zh = lang == "zh";
        facts ??= _extractor.Extract(paragraphs, published);

        var units = TextUnits.Split(paragraphs);
        var sentences = units.Where(u => u.Kind == UnitKind.Sentence).ToList();
        // A Han character carries about as much as three Latin letters.
        var textLength = sentences.Sum(u => u.Text.Sum(c => c is >= '\u4e00' and <= '\u9fff' ? 3 : 1));
        // Traditional characters are folded first: the vocabularies are written in simplified Chinese.
        var domainMentions = paragraphs.Sum(p => DomainCount(p.Text)) + DomainCount(title);
        // A drug-regulation or trials story that names the field once is still in scope; a bank report is not.
        var offTopic = domainMentions == 0
            || (domainMentions < MinDomainMentions && paragraphs.Sum(p => DrugContext.Count(SectionClassifier.Fold(p.Text))) < 3);
        var tooShort = (textLength < MinTextLength && facts.Count(FactPhrases.IsRenderable) < 2) || (sentences.Count < 2 && facts.Count < 2);
        if (offTopic || tooShort)
        {
            // A one-line CGT item is too short rather than off topic: say what is really missing.
            return TooLittle(title, lang, offTopic && (domainMentions == 0 || !tooShort));
        }

        var candidates = new List<Candidate>();
        var numbers = new CitationVerifier.ParagraphNumbers(paragraphs);
        foreach (var a in Analyse(units, paragraphs, facts))
        {
            var bullet = BuildBullet(a.Unit, a.Facts, facts, numbers, zh);
            if (bullet is null)
            {
                continue;
            }

            var factBearing = bullet.Facts.Count > 0;
            candidates.Add(new Candidate(a.Unit, bullet, a.Section.Key,
                (factBearing ? 2.0 : 0) + a.PositionBonus + (Math.Min(a.Section.Score, 4) * 0.5) + (Math.Min(a.Section.Margin, 2) * 0.25),
                a.CoreScore, FactKeys(bullet, facts)));
        }

        var sections = new List<BriefSection>();
        var shown = new List<Candidate>();
        var core = PickCore(candidates, units, shown, numbers, zh, About(title, paragraphs, candidates, zh), out var lead);
        var beyondLead = 0;
        if (core.Count > 0)
        {
            sections.Add(new BriefSection(BriefSections.CoreInsights, BriefSections.Title(BriefSections.CoreInsights, lang), core));
        }

        foreach (var key in BriefSections.Order.Skip(1))
        {
            var bullets = new List<BriefBullet>();
            // A sentence about the article itself ("本文梳理…", "this report reviews…") belongs to Core Insights only.
            foreach (var candidate in candidates.Where(c => c.Section == key && !(c.Bullet.Facts.Count == 0 && MetaCue.IsMatch(SectionClassifier.Fold(c.Unit.Text)))).OrderByDescending(c => c.Score).ThenBy(c => c.Unit.Ordinal))
            {
                if (bullets.Count >= MaxBulletsPerSection)
                {
                    break;
                }

                if (Duplicate(candidate, shown) is { } kept)
                {
                    // The same figures stated again elsewhere: cite that paragraph too when it supports the bullet.
                    MergeCitation(kept, candidate, numbers, bullets);
                    continue;
                }

                shown.Add(candidate);
                bullets.Add(candidate.Bullet);
                beyondLead += candidate.Unit == lead?.Unit ? 0 : 1;
            }

            if (bullets.Count > 0)
            {
                sections.Add(new BriefSection(key, BriefSections.Title(key, lang), bullets));
            }
        }

        if (sections.Count < 2 || beyondLead == 0)
        {
            // Nothing beyond the lead statement (a correction notice, a one-line item): not worth a brief.
            return TooLittle(title, lang, false);
        }

        return new Brief(title, lang, sections);
    }

    /// <summary>
    /// The body section each sentence and table row of a document is given (what the composer files bullets under),
    /// in reading order; <see cref="ClassifiedSentence.Section"/> is null when no cue or fact points anywhere.
    /// </summary>
    public IReadOnlyList<ClassifiedSentence> ClassifySentences(IReadOnlyList<Paragraph> paragraphs, DateOnly? published, IReadOnlyList<Fact>? facts = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        facts ??= _extractor.Extract(paragraphs, published);
        return Analyse(TextUnits.Split(paragraphs), paragraphs, facts)
            .Select(a => new ClassifiedSentence(a.Unit.Paragraph, a.Unit.Text, a.Section.Key, a.Section.Score, a.CoreScore))
            .ToList();
    }

    /// <summary>Below this score a sentence's own cues are a passing word, not a topic (one disease name, one "will").</summary>
    private const double WeakEvidence = 0.8;

    private sealed record Analysed(TextUnit Unit, List<int>? Facts, SectionScore Section, double CoreScore, double PositionBonus);

    /// <summary>Classifies every sentence and table row: its own cues and facts, plus half the cues of the heading above it.</summary>
    private static List<Analysed> Analyse(List<TextUnit> units, IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<Fact> facts)
    {
        // Facts to the unit whose text holds their evidence.
        var factsOf = new Dictionary<TextUnit, List<int>>();
        for (var i = 0; i < facts.Count; i++)
        {
            var unit = UnitOf(units, paragraphs, facts[i]);
            if (unit is not null)
            {
                (factsOf.TryGetValue(unit, out var list) ? list : factsOf[unit] = []).Add(i);
            }
        }

        var result = new List<Analysed>();
        var headingPrior = new double[BriefSections.Order.Count];
        var bodyUnits = units.Count(u => u.Kind != UnitKind.Heading);
        var position = 0;
        foreach (var unit in units)
        {
            var fi = factsOf.GetValueOrDefault(unit);
            var kinds = fi is null ? [] : fi.Select(i => facts[i].Kind).ToList();
            var scores = SectionClassifier.Scores(unit.Text, kinds);
            if (unit.Kind == UnitKind.Heading)
            {
                headingPrior = scores;
                continue;
            }

            position++;
            for (var s = 0; s < scores.Length; s++)
            {
                scores[s] += 0.5 * headingPrior[s];
            }

            var coreScore = scores[0];
            scores[0] = 0;
            var section = SectionClassifier.Best(scores);
            if (section.Score < WeakEvidence && result.Count > 0 && result[^1].Unit.Paragraph == unit.Paragraph
                && result[^1].Section.Key is { } carried && result[^1].Unit.Kind == unit.Kind)
            {
                // A sentence without cues, or with only a passing word ("…, all for blood cancers."), continues the one
                // before it ("Seven of them are CAR-T therapies.").
                section = new SectionScore(carried, section.Score, 0);
            }

            if (section.Key is null && fi?.Select(i => SectionClassifier.SectionOf(facts[i].Kind)).FirstOrDefault(k => k is not null) is { } byFact)
            {
                section = new SectionScore(byFact, 0, 0);
            }

            result.Add(new Analysed(unit, fi, section, coreScore, 1.5 * (1 - ((double)(position - 1) / Math.Max(1, bodyUnits)))));
        }

        return result;
    }

    /// <summary><c>zh</c> for Chinese (zh, cn, chinese, 中文), else <c>en</c>.</summary>
    public static string NormalizeLanguage(string? language) =>
        LanguageCodes.TryParse(language, out var l) && l == Documents.Language.Zh ? "zh" : "en";

    private static Brief TooLittle(string title, string lang, bool offTopic) => new(title, lang, [],
        lang == "zh"
            ? offTopic ? "内容太少，无法生成摘要：本文与细胞和基因治疗无关或几乎没有相关内容。" : "内容太少，无法生成摘要。"
            : offTopic ? "Too little to summarise: the document has little or no cell and gene therapy content." : "Too little to summarise: the document is too short.");

    private sealed class Candidate(TextUnit unit, BriefBullet bullet, string? section, double score, double coreScore, HashSet<string> factKeys)
    {
        public TextUnit Unit { get; } = unit;

        public BriefBullet Bullet { get; set; } = bullet;

        public string? Section { get; } = section;

        public double Score { get; } = score;

        public double CoreScore { get; } = coreScore;

        public HashSet<string> FactKeys { get; } = factKeys;

        public HashSet<string> Grams { get; } = Bigrams(unit.Text);
    }

    private static BriefBullet? BuildBullet(TextUnit unit, List<int>? factIndexes, IReadOnlyList<Fact> facts, CitationVerifier.ParagraphNumbers numbers, bool zh)
    {
        var renderable = (factIndexes ?? []).Where(i => FactPhrases.IsRenderable(facts[i])).ToList();
        if (renderable.Count > 0)
        {
            for (var detail = 2; detail >= 0; detail--)
            {
                var text = Render(renderable, facts, zh, detail);
                if (text is null)
                {
                    break;
                }

                var bullet = new BriefBullet(text, [unit.Paragraph], GroupIndexes(renderable, facts));
                if (CitationVerifier.Check(bullet, numbers).Count == 0)
                {
                    return bullet;
                }
            }
        }

        if (unit.Kind != UnitKind.Sentence || !IsQuotable(unit.Text))
        {
            return null;
        }

        var sourceZh = TextUnits.IsChinese(unit.Text);
        var sentenceBullet = new BriefBullet(unit.Text, [unit.Paragraph], factIndexes?.Order().ToList() ?? [], QuotedLanguage(sourceZh, zh));
        return CitationVerifier.Check(sentenceBullet, numbers).Count == 0 ? sentenceBullet : null;
    }

    private static List<int> GroupIndexes(List<int> renderable, IReadOnlyList<Fact> facts)
    {
        var result = new SortedSet<int>(renderable);
        foreach (var i in renderable)
        {
            if (facts[i].GroupId is { } g)
            {
                for (var j = 0; j < facts.Count; j++)
                {
                    if (facts[j].GroupId == g && facts[j].Paragraph == facts[i].Paragraph && facts[j].Modality is not null)
                    {
                        result.Add(j);
                    }
                }
            }
        }

        return [.. result];
    }

    private static string? Render(List<int> indexes, IReadOnlyList<Fact> facts, bool zh, int dateDetail)
    {
        var clauses = new List<string>();
        var seenGroups = new HashSet<int>();
        var seenRange = false;
        Fact? previous = null;
        Fact? beforePrevious = null;
        foreach (var i in indexes)
        {
            var f = facts[i];
            if (f.GroupId is { } g)
            {
                if (!seenGroups.Add(g))
                {
                    continue;
                }

                var parts = facts.Where((o, j) => j != i && o.GroupId == g && o.Paragraph == f.Paragraph).ToList();
                if (parts.Count > 0 && parts.All(p => FactPhrases.SameClass(p, f) && p.Value != f.Value))
                {
                    // "14款中有9款是在近三年获批的": nothing a template names tells the part from its whole, so the
                    // sentence is quoted, as for "nine of the 14" written without a link.
                    return null;
                }

                if (parts.Any(p => p.Modality is not null && p.Modality == f.Modality && p.Value != f.Value))
                {
                    // A part with the whole's own field and another count ("14 CAR-T, including 7 CAR-T"): the whole's
                    // field was misread, so it is rendered without one rather than with the wrong one.
                    f = f with { Modality = null };
                }

                var head = FactPhrases.Clause(f, zh, previous, dateDetail);
                if (head is null)
                {
                    continue;
                }

                var breakdown = FactPhrases.Breakdown(f, parts, zh);
                clauses.Add(breakdown is null ? head : head + (zh ? "," : ", ") + breakdown);
            }
            else if (previous is not null && previous.Value is not null && f.Value is not null && FactPhrases.SameSubject(previous, f))
            {
                // A second figure about the same subject: add the amount, not the subject again.
                if (f.Value == previous.Value && f.Unit == previous.Unit)
                {
                    continue;
                }

                var range = previous.Qualifier == "at_least" && f.Qualifier == "at_most" && previous.Unit == f.Unit && !seenRange;
                if (!range || previous.GroupId is not null)
                {
                    // Two figures about one subject that are not a range ("nine of the 14", "from 60 to 30 days"):
                    // a template would lose how they relate, so the sentence is quoted instead.
                    return null;
                }

                seenRange = true;
                var from = FactPhrases.Clause(previous with { Qualifier = "exact" }, zh, beforePrevious, dateDetail);
                if (from is null)
                {
                    return null;
                }

                clauses[^1] = from + (zh ? "至" : " to ") + FactPhrases.Amount(f with { Qualifier = "exact" }, zh);
            }
            else
            {
                var clause = FactPhrases.Clause(f, zh, previous, dateDetail);
                if (clause is null || clauses.Contains(clause))
                {
                    continue;
                }

                clauses.Add(clause);
            }

            beforePrevious = previous;
            previous = f;
            if (clauses.Count >= 4)
            {
                break;
            }
        }

        if (clauses.Count == 0)
        {
            return null;
        }

        if (zh)
        {
            return string.Join(";", clauses);
        }

        var text = clauses[0];
        for (var c = 1; c < clauses.Count; c++)
        {
            text += clauses[c].StartsWith("with ", StringComparison.Ordinal) ? ", " + clauses[c] : "; " + clauses[c];
        }

        return text;
    }

    /// <summary>The "about" statement in the brief's language, cited to the paragraph that names the field first.</summary>
    private static BriefBullet? About(string title, IReadOnlyList<Paragraph> paragraphs, List<Candidate> candidates, bool zh)
    {
        var weights = candidates.Where(c => c.Section is not null).GroupBy(c => c.Section!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var text = DocumentTopics.About(title, paragraphs, weights, zh);
        var first = paragraphs.FirstOrDefault(p => DomainCount(p.Text) > 0);
        return text is null || first is null ? null : new BriefBullet(text, [first.Number], []);
    }

    /// <summary>Core Insights: what the document is about, then its main claim.</summary>
    /// <remarks>
    /// The lead sentence is quoted when it is in the brief's language. When it is not, the brief opens with
    /// <paramref name="about"/> (the fields, regions and topics the document names, rendered in the brief's language)
    /// and the main claim prefers a bullet rendered from facts over a quoted thesis in the other language.
    /// </remarks>
    private static List<BriefBullet> PickCore(List<Candidate> candidates, List<TextUnit> units, List<Candidate> shown, CitationVerifier.ParagraphNumbers numbers, bool zh, BriefBullet? about, out Candidate? leadSentence)
    {
        var result = new List<BriefBullet>();
        var sentences = candidates.Where(c => c.Unit.Kind == UnitKind.Sentence).ToList();
        leadSentence = null;
        if (sentences.Count == 0)
        {
            return result;
        }

        // About: among the first sentences, the one that names the field most and announces itself.
        var lead = sentences.Take(4)
            .OrderByDescending(c => c.CoreScore + Math.Min(DomainCount(c.Unit.Text), 2) + (c.Unit.Ordinal == sentences[0].Unit.Ordinal ? 1.5 : 0)
                + (c.Unit.Paragraph == sentences[0].Unit.Paragraph ? 1 : 0) - (c.Unit.Text.Length < 25 ? 2 : 0))
            .First();
        leadSentence = lead;
        var otherLanguage = TextUnits.IsChinese(lead.Unit.Text) != zh;
        Candidate? leadShown = null;
        if (otherLanguage && about is not null)
        {
            result.Add(about);
        }
        else
        {
            result.Add(AsQuote(lead, zh, numbers) ?? lead.Bullet);
            shown.Add(lead);
            leadShown = lead;
        }

        // Main claim: a thesis sentence anywhere (标志着 / marks / overall …), else the strongest fact-bearing bullet.
        // Theses sit at the start or the end of an article; in the middle "本文"/"marks" is usually a side remark.
        var lastParagraph = units.Count == 0 ? 0 : units[^1].Paragraph;
        var theses = sentences.Where(c => c != leadShown && c.CoreScore > 0 && (DomainCount(c.Unit.Text) > 0 || c.Bullet.Facts.Count > 0)
                && (c.Unit.Paragraph <= 3 || c.Unit.Paragraph > lastParagraph - 3))
            .OrderByDescending(c => c.CoreScore + c.Score).ToList();
        var factual = candidates.Where(c => c != leadShown && c.Bullet.Facts.Count > 0).OrderByDescending(c => c.Score).ToList();
        var claim = theses.FirstOrDefault(c => !IsForeignQuote(c.Bullet))
            ?? factual.FirstOrDefault(c => !IsForeignQuote(c.Bullet))
            ?? theses.FirstOrDefault()
            ?? factual.FirstOrDefault();
        // A short document keeps its remaining sentences for the body sections.
        if (claim is not null && candidates.Count >= 5 && Duplicate(claim, shown) is null && result.Count < MaxCoreBullets)
        {
            result.Add(claim.Bullet);
            shown.Add(claim);
        }

        return result;
    }

    /// <summary>A quoted sentence in the other language (shown marked "(zh)" or "(en)").</summary>
    private static bool IsForeignQuote(BriefBullet bullet) => bullet.SourceLanguage is not null;

    /// <summary>The source language of a quote when it differs from the brief's, else null.</summary>
    private static string? QuotedLanguage(bool sourceZh, bool zh) => sourceZh == zh ? null : sourceZh ? "zh" : "en";

    /// <summary>A lead sentence is shown as written (the "about" statement), even if it carries facts.</summary>
    private static BriefBullet? AsQuote(Candidate c, bool zh, CitationVerifier.ParagraphNumbers numbers)
    {
        if (!IsQuotable(c.Unit.Text))
        {
            return null;
        }

        var sourceZh = TextUnits.IsChinese(c.Unit.Text);
        var bullet = new BriefBullet(c.Unit.Text, [c.Unit.Paragraph], c.Bullet.Facts, QuotedLanguage(sourceZh, zh));
        return CitationVerifier.Check(bullet, numbers).Count == 0 ? bullet : null;
    }

    private static bool IsQuotable(string text)
    {
        var zh = TextUnits.IsChinese(text);
        return zh ? text.Length is >= 12 and <= 220 : text.Length is >= 30 and <= 420;
    }

    private static int DomainCount(string text) => DocumentTopics.DomainCount(text);

    private static Candidate? Duplicate(Candidate candidate, List<Candidate> shown)
    {
        foreach (var s in shown)
        {
            if (s.Unit == candidate.Unit)
            {
                return s;
            }

            if (candidate.FactKeys.Count > 0 && candidate.FactKeys.IsSubsetOf(s.FactKeys))
            {
                return s;
            }

            if (Jaccard(candidate.Grams, s.Grams) >= 0.5)
            {
                return s;
            }
        }

        return null;
    }

    private static void MergeCitation(Candidate kept, Candidate duplicate, CitationVerifier.ParagraphNumbers numbers, List<BriefBullet> sectionBullets)
    {
        var paragraph = duplicate.Unit.Paragraph;
        if (kept.Bullet.Citations.Contains(paragraph) || kept.Bullet.Citations.Count >= 3 || duplicate.FactKeys.Count == 0)
        {
            return;
        }

        // Only when the other paragraph alone supports every number of the bullet.
        var alone = kept.Bullet with { Citations = [paragraph] };
        if (CitationVerifier.Check(alone, numbers).Count > 0)
        {
            return;
        }

        var merged = kept.Bullet with { Citations = [.. kept.Bullet.Citations.Append(paragraph).Order()] };
        var i = sectionBullets.IndexOf(kept.Bullet);
        if (i >= 0)
        {
            sectionBullets[i] = merged;
        }

        kept.Bullet = merged;
    }

    private static HashSet<string> FactKeys(BriefBullet bullet, IReadOnlyList<Fact> facts) =>
        bullet.Facts.Where(i => facts[i].Value is not null)
            .Select(i => $"{facts[i].Kind}|{facts[i].Value!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}|{facts[i].Unit}")
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Bigrams(string text)
    {
        var t = new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < t.Length; i++)
        {
            set.Add(t.Substring(i, 2));
        }

        return set;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var inter = a.Count(b.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }

    private static TextUnit? UnitOf(List<TextUnit> units, IReadOnlyList<Paragraph> paragraphs, Fact fact)
    {
        var paragraph = paragraphs.FirstOrDefault(p => p.Number == fact.Paragraph);
        if (paragraph is null)
        {
            return null;
        }

        var inParagraph = units.Where(u => u.Paragraph == fact.Paragraph).ToList();
        var at = string.IsNullOrEmpty(fact.Evidence) ? -1 : paragraph.Text.IndexOf(fact.Evidence, StringComparison.Ordinal);
        if (at < 0)
        {
            return inParagraph.FirstOrDefault();
        }

        var end = at + fact.Evidence.Length;
        return inParagraph.OrderByDescending(u => Math.Min(u.End, end) - Math.Max(u.Start, at)).FirstOrDefault();
    }
}
