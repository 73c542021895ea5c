using CgtAtlas.Text;

namespace CgtAtlas.Search;

/// <summary>
/// Turns a parsed query into a <see cref="MatchExpression"/>: analyses words with the shared analyzer, expands
/// glossary concepts to all their aliases in both languages (oncolytic virus ⇄ 溶瘤病毒, NMPA ⇄ 国家药监局), and
/// segments Chinese words with jieba, each word becoming a phrase of its characters.
/// </summary>
public sealed class QueryExpander
{
    private readonly TextServices _text;

    /// <summary>Creates an expander over the shared text services.</summary>
    public QueryExpander(TextServices text) => _text = text;

    /// <summary>Expands <paramref name="root"/>.</summary>
    /// <exception cref="QuerySyntaxException">Nothing searchable is left (e.g. only punctuation).</exception>
    public MatchExpression Expand(QueryNode root) =>
        ExpandNode(root) ?? throw new QuerySyntaxException("The query has no searchable words (only punctuation or symbols).", 0);

    private MatchExpression? ExpandNode(QueryNode node) => node switch
    {
        TermNode term => ExpandTerms([term]),
        PhraseNode phrase => ExpandPhrase(phrase),
        OrNode or => Any(or.Children.Select(ExpandNode)),
        AndNode and => ExpandAnd(and),
        NotNode not => ExpandNode(not.Child),
        _ => null,
    };

    private MatchExpression? ExpandAnd(AndNode and)
    {
        var positives = new List<MatchExpression>();
        var negatives = new List<MatchExpression>();
        var run = new List<TermNode>();

        void FlushRun()
        {
            if (run.Count > 0)
            {
                if (ExpandTerms(run) is { } e)
                {
                    positives.Add(e);
                }

                run.Clear();
            }
        }

        foreach (var child in and.Children)
        {
            if (child is TermNode term && (run.Count == 0 || run[0].TitleOnly == term.TitleOnly))
            {
                run.Add(term);
                continue;
            }

            FlushRun();
            if (child is TermNode again)
            {
                run.Add(again);
            }
            else if (child is NotNode not)
            {
                if (ExpandNode(not.Child) is { } excluded)
                {
                    negatives.Add(excluded);
                }
            }
            else if (ExpandNode(child) is { } expanded)
            {
                positives.Add(expanded);
            }
        }

        FlushRun();
        var include = All(positives);
        if (include is null)
        {
            return null;
        }

        return negatives.Count == 0 ? include : new MatchExcept(include, negatives);
    }

    /// <summary>
    /// Expands adjacent bare words together so multi-word concepts ("oncolytic virus", "gene therapy") are found in the
    /// glossary, greedily taking the longest alias at each position.
    /// </summary>
    private MatchExpression? ExpandTerms(IReadOnlyList<TermNode> terms)
    {
        var titleOnly = terms[0].TitleOnly;
        var words = new List<(List<Token> Tokens, string Text)>();
        foreach (var term in terms)
        {
            var tokens = _text.Analyzer.Analyze(term.Text);
            if (tokens.Count > 0)
            {
                words.Add((tokens, term.Text));
            }
        }

        var parts = new List<MatchExpression>();
        var i = 0;
        var maxSpan = Math.Max(1, _text.Glossary.LongestAliasTokens);
        while (i < words.Count)
        {
            var matched = false;
            for (var span = Math.Min(words.Count - i, maxSpan); span >= 2; span--)
            {
                var tokens = words.Skip(i).Take(span).SelectMany(w => w.Tokens).ToList();
                if (_text.Glossary.TryFind(tokens, out var entry))
                {
                    parts.Add(AliasesOf(entry, titleOnly, tokens));
                    i += span;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                parts.Add(ExpandWord(words[i].Tokens, words[i].Text, titleOnly));
                i++;
            }
        }

        return All(parts);
    }

    private MatchExpression ExpandWord(List<Token> tokens, string text, bool titleOnly)
    {
        if (_text.Glossary.TryFind(tokens, out var entry))
        {
            return AliasesOf(entry, titleOnly, tokens);
        }

        // Split the word into runs: Latin tokens stand alone; Han runs are segmented into words.
        var parts = new List<MatchExpression>();
        var k = 0;
        while (k < tokens.Count)
        {
            if (!tokens[k].IsHan)
            {
                parts.Add(new MatchPhrase([tokens[k].Term], titleOnly));
                k++;
                continue;
            }

            var start = k;
            while (k < tokens.Count && tokens[k].IsHan && (k == start || tokens[k].Start == tokens[k - 1].Start + tokens[k - 1].Length))
            {
                k++;
            }

            var run = tokens.GetRange(start, k - start);
            var runText = text.Substring(run[0].Start, run[^1].Start + run[^1].Length - run[0].Start);
            parts.Add(ExpandChineseRun(run, runText, titleOnly));
        }

        return All(parts)!;
    }

    private MatchExpression ExpandChineseRun(List<Token> run, string runText, bool titleOnly)
    {
        if (_text.Glossary.TryFind(run, out var whole))
        {
            return AliasesOf(whole, titleOnly, run);
        }

        var words = _text.Segmenter.Segment(runText);
        var parts = new List<MatchExpression>();
        foreach (var word in words)
        {
            var tokens = _text.Analyzer.Analyze(word);
            if (tokens.Count == 0)
            {
                continue;
            }

            parts.Add(_text.Glossary.TryFind(tokens, out var entry)
                ? AliasesOf(entry, titleOnly, tokens)
                : new MatchPhrase(tokens.Select(t => t.Term).ToList(), titleOnly));
        }

        return All(parts) ?? new MatchPhrase(run.Select(t => t.Term).ToList(), titleOnly);
    }

    private MatchExpression? ExpandPhrase(PhraseNode phrase)
    {
        var tokens = _text.Analyzer.Analyze(phrase.Text);
        if (tokens.Count == 0)
        {
            return null;
        }

        return _text.Glossary.TryFind(tokens, out var entry)
            ? AliasesOf(entry, phrase.TitleOnly, tokens)
            : new MatchPhrase(tokens.Select(t => t.Term).ToList(), phrase.TitleOnly);
    }

    private MatchExpression AliasesOf(GlossaryEntry entry, bool titleOnly, List<Token> typed)
    {
        // Generic vocabulary (price, vector, reimbursement) is not expanded: a Chinese query for 价格 wants Chinese
        // documents about prices, and expanding every common word across languages floods results. Named concepts
        // (modalities, products, companies, regulators, targets, diseases) are what aliases are for.
        if (string.Equals(entry.Kind, "term", StringComparison.Ordinal))
        {
            return new MatchPhrase(typed.Select(t => t.Term).ToList(), titleOnly);
        }

        var phrases = new List<MatchExpression>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alias in entry.Aliases)
        {
            var terms = _text.Analyzer.Analyze(TextNormalizer.Normalize(alias)).Select(t => t.Term).ToList();
            if (terms.Count > 0 && seen.Add(string.Join(' ', terms)))
            {
                phrases.Add(new MatchPhrase(terms, titleOnly));
            }
        }

        // An alternative that contains another alternative adds no match ("CAR-T cell therapy" beside "CAR-T") but costs
        // a phrase scan over long posting lists: keep only the minimal ones. The set of matching documents is unchanged.
        var minimal = phrases.Cast<MatchPhrase>().Where(p => !phrases.Cast<MatchPhrase>().Any(q => !ReferenceEquals(p, q)
            && q.Terms.Count < p.Terms.Count && ContainsRun(p.Terms, q.Terms))).Cast<MatchExpression>().ToList();
        return minimal.Count == 1 ? minimal[0] : new MatchAny(minimal);
    }

    private static bool ContainsRun(IReadOnlyList<string> haystack, IReadOnlyList<string> needle)
    {
        for (var i = 0; i + needle.Count <= haystack.Count; i++)
        {
            var all = true;
            for (var k = 0; k < needle.Count && all; k++)
            {
                all = string.Equals(haystack[i + k], needle[k], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static MatchExpression? All(IEnumerable<MatchExpression?> parts)
    {
        var list = parts.Where(p => p is not null).Select(p => p!).ToList();
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => new MatchAll(list),
        };
    }

    private static MatchExpression? Any(IEnumerable<MatchExpression?> parts)
    {
        var list = parts.Where(p => p is not null).Select(p => p!).Distinct().ToList();
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => new MatchAny(list),
        };
    }

    /// <summary>The phrases a hit can be highlighted with: every positive leaf (excluded terms are never highlighted).</summary>
    public static IReadOnlyList<MatchPhrase> PositivePhrases(MatchExpression expression)
    {
        var result = new List<MatchPhrase>();
        Collect(expression, result);
        return result.Distinct().ToList();

        static void Collect(MatchExpression e, List<MatchPhrase> into)
        {
            switch (e)
            {
                case MatchPhrase p:
                    into.Add(p);
                    break;
                case MatchAll a:
                    a.Children.ToList().ForEach(c => Collect(c, into));
                    break;
                case MatchAny o:
                    o.Children.ToList().ForEach(c => Collect(c, into));
                    break;
                case MatchExcept x:
                    Collect(x.Include, into);
                    break;
            }
        }
    }
}
