namespace CgtAtlas.Text;

/// <summary>
/// The bilingual domain glossary (<c>data/glossary.tsv</c>): looks up a concept by any of its surface forms,
/// compared on analysed tokens so that "CAR T", "car-t" and "CAR-T" or 嵌合抗原受体T细胞 in any width are one key.
/// Immutable after loading.
/// </summary>
public sealed class Glossary
{
    private readonly Dictionary<string, GlossaryEntry> _byKey;

    private Glossary(IReadOnlyList<GlossaryEntry> entries, Dictionary<string, GlossaryEntry> byKey, int longestAlias)
    {
        Entries = entries;
        _byKey = byKey;
        LongestAliasTokens = longestAlias;
    }

    /// <summary>An empty glossary.</summary>
    public static Glossary Empty { get; } = new([], [], 0);

    /// <summary>All entries in file order.</summary>
    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>The most tokens any alias analyses to (bounds the multi-word match in queries).</summary>
    public int LongestAliasTokens { get; }

    /// <summary>Loads a glossary TSV (<c>canonical, kind, aliases</c> with aliases separated by <c>|</c>).</summary>
    /// <exception cref="FormatException">A line has too few columns; the message names the line.</exception>
    public static Glossary Load(string path, TextAnalyzer analyzer)
    {
        var entries = new List<GlossaryEntry>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 && line.StartsWith("canonical", StringComparison.Ordinal) || line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3)
            {
                throw new FormatException($"{path}:{lineNumber}: expected 3 tab-separated columns (canonical, kind, aliases)");
            }

            var aliases = columns[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (!aliases.Contains(columns[0], StringComparer.OrdinalIgnoreCase))
            {
                aliases.Insert(0, columns[0]);
            }

            entries.Add(new GlossaryEntry(columns[0].Trim(), columns[1].Trim(), aliases));
        }

        return Build(entries, analyzer);
    }

    /// <summary>Builds a glossary from entries (tests and other sources).</summary>
    public static Glossary Build(IReadOnlyList<GlossaryEntry> entries, TextAnalyzer analyzer)
    {
        var byKey = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        var longest = 0;
        foreach (var entry in entries)
        {
            foreach (var alias in entry.Aliases)
            {
                var tokens = analyzer.Analyze(TextNormalizer.Normalize(alias));
                if (tokens.Count == 0)
                {
                    continue;
                }

                // First entry wins: an alias shared by two concepts must not silently switch meaning on reload.
                byKey.TryAdd(KeyOf(tokens), entry);
                longest = Math.Max(longest, tokens.Count);
            }
        }

        return new Glossary(entries, byKey, longest);
    }

    /// <summary>The lookup key of a token sequence.</summary>
    public static string KeyOf(IEnumerable<Token> tokens) => string.Join(' ', tokens.Select(t => t.Term));

    /// <summary>Finds the entry whose alias analyses to exactly these tokens.</summary>
    public bool TryFind(IReadOnlyList<Token> tokens, out GlossaryEntry entry) => _byKey.TryGetValue(KeyOf(tokens), out entry!);

    /// <summary>Finds an entry by a surface form.</summary>
    public GlossaryEntry? Find(string surface, TextAnalyzer analyzer)
    {
        var tokens = analyzer.Analyze(TextNormalizer.Normalize(surface));
        return tokens.Count > 0 && TryFind(tokens, out var entry) ? entry : null;
    }

    /// <summary>Chinese aliases of every entry (fed to the segmenter's dictionary so they stay whole).</summary>
    public IEnumerable<string> ChineseAliases() =>
        Entries.SelectMany(e => e.Aliases).Where(a => a.Length >= 2 && a.All(CharClass.IsHan)).Distinct(StringComparer.Ordinal);
}
