namespace CgtAtlas.Text;

/// <summary>
/// The immutable text components shared by ingest, search and extraction: analyzer, glossary and segmenter,
/// loaded once per process from the data folder shipped next to the program.
/// </summary>
public sealed class TextServices
{
    /// <summary>Creates the bundle from already-built parts.</summary>
    public TextServices(TextAnalyzer analyzer, Glossary glossary, ChineseSegmenter segmenter)
    {
        Analyzer = analyzer;
        Glossary = glossary;
        Segmenter = segmenter;
    }

    /// <summary>The shared analyzer.</summary>
    public TextAnalyzer Analyzer { get; }

    /// <summary>The domain glossary used for query expansion and entity names.</summary>
    public Glossary Glossary { get; }

    /// <summary>The Chinese query segmenter.</summary>
    public ChineseSegmenter Segmenter { get; }

    /// <summary>
    /// The data folder: <c>$CGT_DATA_DIR</c> when set, else <c>data/</c> beside the program (the build copies it there).
    /// </summary>
    public static string DefaultDataDirectory =>
        Environment.GetEnvironmentVariable("CGT_DATA_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>Loads everything from <paramref name="dataDirectory"/> (default: <see cref="DefaultDataDirectory"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">The data folder is missing: the message says where it was looked for.</exception>
    public static TextServices Load(string? dataDirectory = null)
    {
        var dir = dataDirectory ?? DefaultDataDirectory;
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"CgtAtlas data folder not found at '{dir}' (set CGT_DATA_DIR or rebuild).");
        }

        var t2s = Path.Combine(dir, "t2s.tsv");
        // The default folder's table is the one the fact and section rules already fold with: share it, not a second load.
        var folding = dataDirectory is null ? TraditionalToSimplified.Shipped
            : File.Exists(t2s) ? TraditionalToSimplified.Load(t2s) : TraditionalToSimplified.Identity;
        var analyzer = new TextAnalyzer(folding);
        var glossaryPath = Path.Combine(dir, GlossaryFile);
        var glossary = File.Exists(glossaryPath) ? Glossary.Load(glossaryPath, analyzer) : Glossary.Empty;
        var segmenter = new ChineseSegmenter(JiebaFiles.In(dir, JiebaSnapshot.DefaultDirectory()), glossary.ChineseAliases());
        return new TextServices(analyzer, glossary, segmenter);
    }

    /// <summary>
    /// Starts loading jieba for the default data folder on a pool thread (see <see cref="ChineseSegmenter.Prefetch"/>):
    /// for a shell about to segment a Chinese query, before it loads anything else.
    /// </summary>
    public static void PrefetchSegmenter()
    {
        var dir = DefaultDataDirectory;
        ChineseSegmenter.Prefetch(JiebaFiles.In(dir, JiebaSnapshot.DefaultDirectory()), Path.Combine(dir, GlossaryFile));
    }

    private const string GlossaryFile = "glossary.tsv";

    private static readonly Lazy<TextServices> s_default = new(() => Load());

    /// <summary>The process-wide instance loaded from <see cref="DefaultDataDirectory"/>.</summary>
    public static TextServices Default => s_default.Value;
}
