namespace CgtAtlas.Text;

/// <summary>
/// Folds traditional Chinese characters to simplified ones for search, using only one-to-one mappings that are
/// safe in context (the table's header explains the rule). Stored text keeps its original characters; only index
/// and query tokens are folded, so 醫療 finds 医疗 and the reverse.
/// </summary>
public sealed class TraditionalToSimplified
{
    private readonly Dictionary<char, char> _map;

    private TraditionalToSimplified(Dictionary<char, char> map) => _map = map;

    /// <summary>A folder that maps nothing (used when no table is available).</summary>
    public static TraditionalToSimplified Identity { get; } = new([]);

    private static readonly Lazy<TraditionalToSimplified> ShippedTable = new(() =>
    {
        var table = Path.Combine(TextServices.DefaultDataDirectory, "t2s.tsv");
        return File.Exists(table) ? Load(table) : Identity;
    });

    /// <summary>
    /// The table shipped in the data folder, loaded once (identity when it is missing). For rule-based readers of
    /// text — section cues, fact patterns — whose vocabularies are written in simplified Chinese.
    /// </summary>
    public static TraditionalToSimplified Shipped => ShippedTable.Value;

    /// <summary>Number of characters the table folds.</summary>
    public int Count => _map.Count;

    /// <summary>Loads a <c>traditional&lt;TAB&gt;simplified</c> table; lines starting with <c>#</c> and the header are skipped.</summary>
    public static TraditionalToSimplified Load(string path)
    {
        var map = new Dictionary<char, char>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("traditional", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length >= 2 && parts[0].Length == 1 && parts[1].Length == 1 && parts[0][0] != parts[1][0])
            {
                map.TryAdd(parts[0][0], parts[1][0]);
            }
        }

        return new TraditionalToSimplified(map);
    }

    /// <summary>The simplified form of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    public char Fold(char c) => _map.TryGetValue(c, out var simplified) ? simplified : c;

    /// <summary>The text with every foldable character replaced (the same string when nothing folds).</summary>
    public string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length && !_map.ContainsKey(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, (text, this), static (span, state) =>
        {
            for (var k = 0; k < span.Length; k++)
            {
                span[k] = state.Item2.Fold(state.text[k]);
            }
        });
    }
}
