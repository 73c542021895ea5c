using CgtAtlas.Text;

namespace CgtAtlas.Knowledge;

/// <summary>One name found in a text: where, what it matched and the entity it names.</summary>
/// <param name="Start">Offset of the first character in the analysed (normalised) text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Surface">The text as written.</param>
/// <param name="Entity">The knowledge-base entity.</param>
public sealed record AliasMatch(int Start, int Length, string Surface, EntityRef Entity);

/// <summary>
/// Names → entities over products, companies and regulators in both languages. Names are compared on the shared
/// <see cref="TextAnalyzer"/>'s tokens, so width, case, traditional/simplified forms and hyphenation fold the same way as
/// in search: 阿基仑赛注射液 = axicabtagene ciloleucel = Yescarta = 奕凯达 = ＹＥＳＣＡＲＴＡ. Immutable.
/// </summary>
public sealed class AliasIndex
{
    private readonly Dictionary<string, EntityRef> _byKey;
    private readonly TextAnalyzer _analyzer;

    // The same names as paths of terms. Scan walks from each token only as far as some name goes on, instead of building
    // a key for every length up to the longest name: that took ~6.5 ms per document, almost all of automatic tagging.
    private readonly TermNode _names = new();

    private AliasIndex(Dictionary<string, EntityRef> byKey, int longest, TextAnalyzer analyzer)
    {
        _byKey = byKey;
        LongestAliasTokens = longest;
        _analyzer = analyzer;
        foreach (var (key, entity) in byKey)
        {
            var node = _names;
            foreach (var term in key.Split(' '))
            {
                node.Next ??= new Dictionary<string, TermNode>(StringComparer.Ordinal);
                if (!node.Next.TryGetValue(term, out var next))
                {
                    node.Next[term] = next = new TermNode();
                }

                node = next;
            }

            node.Entity = entity;
        }
    }

    /// <summary>Number of distinct names.</summary>
    public int Count => _byKey.Count;

    /// <summary>The most tokens any name analyses to.</summary>
    public int LongestAliasTokens { get; }

    internal static AliasIndex Build(KnowledgeBase kb, TextAnalyzer analyzer)
    {
        var byKey = new Dictionary<string, EntityRef>(StringComparer.Ordinal);
        var longest = 0;

        // Curated aliases first: they are unique by construction and always win.
        foreach (var alias in kb.Aliases)
        {
            if (Key(alias.Name, analyzer, out var count) is { } key)
            {
                byKey.TryAdd(key, new EntityRef(alias.EntityType, alias.EntityId));
                longest = Math.Max(longest, count);
            }
        }

        // Names in the record files themselves; a name shared by two entities ("HPC, Cord Blood") is dropped.
        var implicitNames = new Dictionary<string, EntityRef?>(StringComparer.Ordinal);
        void AddImplicit(string? name, EntityRef entity)
        {
            if (string.IsNullOrWhiteSpace(name) || Key(name, analyzer, out var count) is not { } key || byKey.ContainsKey(key))
            {
                return;
            }

            if (implicitNames.TryGetValue(key, out var existing))
            {
                if (existing != entity)
                {
                    implicitNames[key] = null;
                }
            }
            else
            {
                implicitNames[key] = entity;
                longest = Math.Max(longest, count);
            }
        }

        foreach (var p in kb.Products)
        {
            var entity = new EntityRef(EntityType.Product, p.ProductKey);
            AddImplicit(p.GenericNameZh, entity);
            AddImplicit(p.GenericNameEn, entity);
            AddImplicit(p.BrandZh, entity);
            AddImplicit(p.BrandEn, entity);
            foreach (var code in p.CodeNames)
            {
                AddImplicit(code, entity);
            }
        }

        foreach (var c in kb.Companies)
        {
            AddImplicit(c.NameZh, new EntityRef(EntityType.Company, c.Key));
            AddImplicit(c.NameEn, new EntityRef(EntityType.Company, c.Key));
        }

        foreach (var r in kb.Regulators)
        {
            var entity = new EntityRef(EntityType.Regulator, r.Code);
            AddImplicit(r.Code, entity);
            AddImplicit(r.NameZh, entity);
            AddImplicit(r.NameEn, entity);
        }

        foreach (var (key, entity) in implicitNames)
        {
            if (entity is { } e)
            {
                byKey[key] = e;
            }
        }

        return new AliasIndex(byKey, longest, analyzer);
    }

    private static string? Key(string name, TextAnalyzer analyzer, out int count)
    {
        var tokens = analyzer.Analyze(TextNormalizer.Normalize(name));
        count = tokens.Count;
        return tokens.Count == 0 ? null : Glossary.KeyOf(tokens);
    }

    /// <summary>The entity of a name key (terms joined by spaces, see <see cref="Glossary.KeyOf"/>), or null.</summary>
    internal EntityRef? FindKey(string key) => _byKey.TryGetValue(key, out var entity) ? entity : null;

    /// <summary>The entity a whole name refers to, or null.</summary>
    public EntityRef? Resolve(string name) => Key(name, _analyzer, out _) is { } key && _byKey.TryGetValue(key, out var entity) ? entity : null;

    /// <summary>
    /// Every name in <paramref name="text"/>, longest match first, left to right, non-overlapping. With a
    /// <paramref name="segmenter"/>, a Chinese name of one or two characters (强生, 诺华) counts only where the
    /// segmenter starts a word there, so 坚强生活 does not mention 强生.
    /// </summary>
    public IReadOnlyList<AliasMatch> Scan(string text, ChineseSegmenter? segmenter = null)
    {
        var normalized = TextNormalizer.Normalize(text);
        var tokens = _analyzer.Analyze(normalized);
        var matches = new List<AliasMatch>();
        var names = new List<(int Length, EntityRef Entity)>();
        var i = 0;
        while (i < tokens.Count)
        {
            // Every name that starts here, shortest first; a name may not span punctuation between its tokens.
            names.Clear();
            var node = _names;
            for (var k = 0; i + k < tokens.Count && k < LongestAliasTokens; k++)
            {
                if ((k > 0 && !Adjacent(tokens[i + k - 1], tokens[i + k], normalized))
                    || node.Next is null || !node.Next.TryGetValue(tokens[i + k].Term, out var next))
                {
                    break;
                }

                node = next;
                if (node.Entity is { } entity)
                {
                    names.Add((k + 1, entity));
                }
            }

            var matched = false;
            for (var n = names.Count - 1; n >= 0 && !matched; n--)
            {
                var (length, entity) = names[n];
                var start = tokens[i].Start;
                var end = tokens[i + length - 1].Start + tokens[i + length - 1].Length;
                if (segmenter is not null && end - start <= 2 && !IsChineseWord(normalized, start, end, segmenter))
                {
                    continue;
                }

                matches.Add(new AliasMatch(start, end - start, normalized[start..end], entity));
                i += length;
                matched = true;
            }

            if (!matched)
            {
                i++;
            }
        }

        return matches;
    }

    internal static bool IsChineseWord(string text, int start, int end, ChineseSegmenter segmenter)
    {
        for (var c = start; c < end; c++)
        {
            if (!CharClass.IsHan(text[c]))
            {
                return true; // only all-Han short names need a word boundary check
            }
        }

        var runStart = start;
        while (runStart > 0 && CharClass.IsHan(text[runStart - 1]))
        {
            runStart--;
        }

        var runEnd = end;
        while (runEnd < text.Length && CharClass.IsHan(text[runEnd]))
        {
            runEnd++;
        }

        if (runStart == start)
        {
            return true; // a run's first character always begins a word: no need to cut it
        }

        try
        {
            var boundaries = new HashSet<int> { 0 };
            var offset = 0;
            foreach (var word in segmenter.Segment(text[runStart..runEnd]))
            {
                offset += word.Length;
                boundaries.Add(offset);
            }

            // The name must begin a word (强生|公司 and 强生公司 both do; 坚强|生活 does not).
            return boundaries.Contains(start - runStart);
        }
        catch (FileNotFoundException)
        {
            return true; // no dictionary: keep the match rather than lose it
        }
    }

    /// <summary>Two tokens of one name may be separated only by spaces, hyphens, dots and the like — not a sentence break.</summary>
    private static bool Adjacent(Token previous, Token next, string text)
    {
        for (var c = previous.Start + previous.Length; c < next.Start; c++)
        {
            if (text[c] is not (' ' or '-' or '.' or '/' or '(' or ')' or '®' or '™' or '·'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class TermNode
    {
        public Dictionary<string, TermNode>? Next;
        public EntityRef? Entity;
    }
}
