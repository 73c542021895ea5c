using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Search;

/// <summary>
/// Picks the paragraph that best matches the query and cuts a window around its matches. Matching runs on the
/// shared analyzer's tokens, so a highlight lands exactly where the index matched (CAR T, car-t, 細胞 → 细胞).
/// </summary>
public sealed class SnippetBuilder
{
    private readonly TextAnalyzer _analyzer;
    private readonly int _window;

    /// <summary>Creates a builder producing passages of about <paramref name="window"/> characters.</summary>
    public SnippetBuilder(TextAnalyzer analyzer, int window = 160)
    {
        _analyzer = analyzer;
        _window = window;
    }

    /// <summary>Builds the snippet for one document, or a lead passage when nothing matches in the body.</summary>
    public Snippet Build(IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<MatchPhrase> phrases)
    {
        Snippet? best = null;
        var bestScore = 0.0;
        foreach (var paragraph in paragraphs)
        {
            var spans = FindMatches(paragraph.Text, phrases, out var distinct);
            if (spans.Count == 0)
            {
                continue;
            }

            // Prefer paragraphs matching more different query words, then more matches, then earlier ones.
            var score = distinct * 10 + Math.Min(spans.Count, 9) - paragraph.Number * 0.001;
            if (score > bestScore)
            {
                bestScore = score;
                best = Cut(paragraph.Number, paragraph.Text, spans);
            }
        }

        if (best is not null)
        {
            return best;
        }

        var lead = paragraphs.FirstOrDefault(p => p.Text.Length > 20) ?? paragraphs.FirstOrDefault();
        return lead is null ? new Snippet(0, string.Empty, []) : Cut(lead.Number, lead.Text, []);
    }

    /// <summary>Finds every occurrence of the phrases in <paramref name="text"/> as character spans.</summary>
    public List<(int Start, int Length)> FindMatches(string text, IReadOnlyList<MatchPhrase> phrases, out int distinctPhrases)
    {
        distinctPhrases = 0;
        var spans = new List<(int Start, int Length)>();
        if (phrases.Count == 0)
        {
            return spans;
        }

        // Index the phrases by their first term so each token is compared only with phrases that can start there
        // (a glossary concept brings up to 30 alternatives).
        var byFirst = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < phrases.Count; p++)
        {
            if (!phrases[p].TitleOnly && phrases[p].Terms.Count > 0)
            {
                var first = phrases[p].Terms[0];
                if (!byFirst.TryGetValue(first, out var list))
                {
                    byFirst[first] = list = [];
                }

                list.Add(p);
            }
        }

        var found = new bool[phrases.Count];
        var tokens = _analyzer.Analyze(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!byFirst.TryGetValue(tokens[i].Term, out var candidates))
            {
                continue;
            }

            foreach (var p in candidates)
            {
                var terms = phrases[p].Terms;
                if (i + terms.Count > tokens.Count)
                {
                    continue;
                }

                var all = true;
                for (var k = 1; k < terms.Count && all; k++)
                {
                    all = string.Equals(tokens[i + k].Term, terms[k], StringComparison.Ordinal);
                }

                if (all)
                {
                    var last = tokens[i + terms.Count - 1];
                    spans.Add((tokens[i].Start, last.Start + last.Length - tokens[i].Start));
                    found[p] = true;
                }
            }
        }

        distinctPhrases = found.Count(f => f);
        return Merge(spans);
    }

    private static List<(int Start, int Length)> Merge(List<(int Start, int Length)> spans)
    {
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(int Start, int Length)>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                var end = Math.Max(last.Start + last.Length, span.Start + span.Length);
                merged[^1] = (last.Start, end - last.Start);
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private Snippet Cut(int number, string text, List<(int Start, int Length)> spans)
    {
        if (text.Length <= _window)
        {
            return new Snippet(number, text, spans);
        }

        var anchor = spans.Count > 0 ? spans[0].Start : 0;
        var start = Math.Max(0, anchor - _window / 4);
        var end = Math.Min(text.Length, start + _window);
        start = Math.Max(0, Math.Min(start, end - _window));
        var prefix = start > 0 ? "…" : string.Empty;
        var suffix = end < text.Length ? "…" : string.Empty;
        var body = text[start..end];
        var shifted = spans
            .Where(s => s.Start >= start && s.Start + s.Length <= end)
            .Select(s => (s.Start - start + prefix.Length, s.Length))
            .ToList();
        return new Snippet(number, prefix + body + suffix, shifted);
    }
}
