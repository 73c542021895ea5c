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

    private AliasIndex(Dictionary<string, EntityRef> byKey, int longest, TextAnalyzer analyzer)
    {
        _byKey = byKey;
        LongestAliasTokens = longest;
        _analyzer = analyzer;
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
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = false;
            for (var length = Math.Min(LongestAliasTokens, tokens.Count - i); length >= 1; length--)
            {
                if (!Contiguous(tokens, i, length, normalized))
                {
                    continue;
                }

                var key = Glossary.KeyOf(tokens.Skip(i).Take(length));
                if (_byKey.TryGetValue(key, out var entity))
                {
                    var start = tokens[i].Start;
                    var end = tokens[i + length - 1].Start + tokens[i + length - 1].Length;
                    if (segmenter is not null && end - start <= 2 && !IsChineseWord(normalized, start, end, segmenter))
                    {
                        continue;
                    }

                    matches.Add(new AliasMatch(start, end - start, normalized[start..end], entity));
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                i++;
            }
        }

        return matches;
    }

    private static bool IsChineseWord(string text, int start, int end, ChineseSegmenter segmenter)
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

        if (runStart == start && runEnd == end)
        {
            return true;
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

    /// <summary>A multi-token name must not span a sentence break or other punctuation (only spaces, hyphens, dots).</summary>
    private static bool Contiguous(List<Token> tokens, int first, int count, string text)
    {
        for (var k = first + 1; k < first + count; k++)
        {
            var gapStart = tokens[k - 1].Start + tokens[k - 1].Length;
            for (var c = gapStart; c < tokens[k].Start; c++)
            {
                if (text[c] is not (' ' or '-' or '.' or '/' or '(' or ')' or '®' or '™' or '·'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
