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

        var tokens = _analyzer.Analyze(text);
        foreach (var phrase in phrases)
        {
            if (phrase.TitleOnly || phrase.Terms.Count == 0)
            {
                continue;
            }

            var found = false;
            for (var i = 0; i + phrase.Terms.Count <= tokens.Count; i++)
            {
                var all = true;
                for (var k = 0; k < phrase.Terms.Count; k++)
                {
                    if (!string.Equals(tokens[i + k].Term, phrase.Terms[k], StringComparison.Ordinal))
                    {
                        all = false;
                        break;
                    }
                }

                if (all)
                {
                    var first = tokens[i];
                    var last = tokens[i + phrase.Terms.Count - 1];
                    spans.Add((first.Start, last.Start + last.Length - first.Start));
                    found = true;
                }
            }

            if (found)
            {
                distinctPhrases++;
            }
        }

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
