using System.Diagnostics;
using System.Globalization;
using System.Text;
using CgtAtlas.Facts;
using CgtAtlas.Insights;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;

namespace CgtAtlas.Benchmarks;

/// <summary>Timings of one ~5,000-character article's brief, all in the same warmed-up process.</summary>
internal sealed record BriefArticleFigures(
    string Label,
    string Sources,
    int Characters,
    int Paragraphs,
    int Facts,
    int Bullets,
    double FirstBriefMs,
    LatencyStats Uncached,
    LatencyStats UncachedZh,
    LatencyStats Extract,
    LatencyStats ComposeFromFacts,
    LatencyStats Cached,
    LatencyStats ReadParagraphs,
    double CpuMsPerUncached);

/// <summary>The brief benchmark: per article figures plus what the process did before the first brief.</summary>
internal sealed record BriefResult(int Repetitions, double OpenLibraryMs, List<BriefArticleFigures> Articles, string LoadAverage);

/// <summary>
/// Measures the target "a brief of a 5,000-character article in under 20 ms after start-up". Two articles (Chinese and
/// English) are assembled from the longest sample articles of each language, ingested into a fresh library, and briefed
/// through <see cref="Library.GetBrief"/> — store read, fact extraction, composing and citation verification — with no
/// cache, then through the SQLite brief cache. Reading the document's paragraphs from the store is timed in the same
/// loop as the baseline, so the ratio survives a loaded machine better than absolute times do.
/// </summary>
internal static class BriefBenchmarks
{
    public const double TargetMs = 20.0;
    public const int ArticleCharacters = 5000;

    // The longest sample articles of each language, concatenated in this order until the article is long enough.
    private static readonly (string Label, string[] Files)[] Articles =
    [
        ("zh article", ["reports/zh-cgt-bluebook-14-products-2025-09.md", "news/zh-cart-pricing-insurance-2025-07.md"]),
        ("en article", ["news/en-china-cgt-licensing-deals-2025-10.md", "news/en-oncolytic-virus-second-wave-2025-10.md"]),
    ];

    /// <summary>Runs in a fresh child process so that "after start-up" and "first brief" mean what they say.</summary>
    public static BriefResult Run(string repositoryRoot, string work, int repetitions)
    {
        var load = MemorySampler.LoadAverage();
        var folder = Path.Combine(work, $"briefs-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            var inputs = Articles.Select(a => (a.Label, Path: WriteArticle(repositoryRoot, folder, a.Label, a.Files), Sources: string.Join(" + ", a.Files))).ToList();
            var db = Path.Combine(folder, "briefs.db");
            var text = TextServices.Load();
            var open = Stopwatch.StartNew();
            using var library = new Library(SqliteLibraryStore.Open(db), text);
            open.Stop();
            var report = library.Ingest(inputs.Select(i => i.Path).ToList());
            var ids = report.Documents.Select(d => d.Id).ToList();
            if (ids.Count != inputs.Count)
            {
                throw new InvalidOperationException($"expected {inputs.Count} documents, ingested {ids.Count}");
            }

            // The first brief of the process pays regex construction and JIT: reported, not part of the target.
            var first = new double[inputs.Count];
            for (var a = 0; a < inputs.Count; a++)
            {
                var t = Stopwatch.GetTimestamp();
                library.GetBrief(ids[a], "en");
                first[a] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }

            using var cachedStore = SqliteLibraryStore.Open(db);
            using var cached = new Library(cachedStore, text) { BriefCache = SqliteBriefCache.For(cachedStore) };
            var extractor = new FactExtractor();
            var composer = new BriefComposer(extractor);

            // Warm-up long enough for tiered JIT to promote the hot methods (call counting starts after 100 ms).
            var warm = Stopwatch.StartNew();
            for (var i = 0; warm.Elapsed < TimeSpan.FromSeconds(3) || i < 30; i++)
            {
                foreach (var id in ids)
                {
                    library.GetBrief(id, i % 2 == 0 ? "en" : "zh");
                    cached.GetBrief(id, "en");
                }
            }

            var figures = new List<BriefArticleFigures>();
            for (var a = 0; a < inputs.Count; a++)
            {
                var id = ids[a];
                var document = library.GetDocument(id)!;
                var facts = extractor.Extract(document.Paragraphs, document.Published);
                var samples = Enumerable.Range(0, 6).Select(_ => new List<double>(repetitions)).ToArray();
                var cpu = TimeSpan.Zero;
                for (var r = 0; r < repetitions; r++)
                {
                    // Interleaved, so a burst of load from elsewhere hits every series alike.
                    samples[0].Add(Time(() => library.GetDocument(id)));
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    samples[1].Add(Time(() => library.GetBrief(id, "en")));
                    cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                    samples[2].Add(Time(() => library.GetBrief(id, "zh")));
                    samples[3].Add(Time(() => extractor.Extract(document.Paragraphs, document.Published)));
                    samples[4].Add(Time(() => composer.Compose(document, "en", facts)));
                    samples[5].Add(Time(() => cached.GetBrief(id, "en")));
                }

                var brief = library.GetBrief(id, "en")!;
                figures.Add(new BriefArticleFigures(
                    inputs[a].Label,
                    inputs[a].Sources,
                    document.Paragraphs.Sum(p => p.Text.Length),
                    document.Paragraphs.Count,
                    facts.Count,
                    brief.Sections.Sum(s => s.Bullets.Count),
                    first[a],
                    Uncached: LatencyStats.From(samples[1]),
                    UncachedZh: LatencyStats.From(samples[2]),
                    Extract: LatencyStats.From(samples[3]),
                    ComposeFromFacts: LatencyStats.From(samples[4]),
                    Cached: LatencyStats.From(samples[5]),
                    ReadParagraphs: LatencyStats.From(samples[0]),
                    CpuMsPerUncached: cpu.TotalMilliseconds / repetitions));
            }

            return new BriefResult(repetitions, open.Elapsed.TotalMilliseconds, figures, $"{load} → {MemorySampler.LoadAverage()}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Time(Action action)
    {
        var t = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }

    /// <summary>
    /// Writes one Markdown article of about <see cref="ArticleCharacters"/> characters of body text: the sources'
    /// paragraphs in order, the last one cut at a sentence end where possible.
    /// </summary>
    private static string WriteArticle(string repositoryRoot, string folder, string label, string[] files)
    {
        var blocks = new List<string>();
        var total = 0;
        foreach (var file in files)
        {
            foreach (var block in Body(File.ReadAllText(Path.Combine(repositoryRoot, "samples", "corpus", file))))
            {
                if (total >= ArticleCharacters)
                {
                    break;
                }

                var kept = total + block.Length <= ArticleCharacters ? block : CutAtSentence(block, ArticleCharacters - total);
                blocks.Add(kept);
                total += kept.Length;
            }
        }

        var path = Path.Combine(folder, label.Replace(' ', '-') + ".md");
        var markdown = new StringBuilder()
            .AppendLine("---")
            .AppendLine(CultureInfo.InvariantCulture, $"title: Brief benchmark, {label}")
            .AppendLine("date: 2025-10-20")
            .AppendLine("---")
            .AppendLine()
            .AppendJoin("\n\n", blocks)
            .AppendLine();
        File.WriteAllText(path, markdown.ToString());
        return path;
    }

    /// <summary>The paragraph blocks of a Markdown sample, front matter dropped.</summary>
    private static IEnumerable<string> Body(string markdown)
    {
        var text = markdown.ReplaceLineEndings("\n");
        if (text.StartsWith("---", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        }

        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string CutAtSentence(string block, int length)
    {
        var cut = block[..Math.Min(length, block.Length)];
        var end = cut.LastIndexOfAny(['。', '.', '！', '？', '!', '?']);
        return end > length / 2 ? cut[..(end + 1)] : cut;
    }

    /// <summary>The Markdown section of the report.</summary>
    public static void Report(StringBuilder md, BriefResult result)
    {
        md.AppendLine("## Briefs (5,000-character articles)");
        md.AppendLine();
        md.AppendLine(Inv($"Target: an uncached brief (store read + fact extraction + composing + citation verification) under {TargetMs:0} ms at p50 after start-up. {result.Repetitions} interleaved repetitions per series; load average {result.LoadAverage}."));
        md.AppendLine();
        md.AppendLine("| | " + string.Join(" | ", result.Articles.Select(a => Inv($"{a.Label} ({a.Characters:N0} chars, {a.Paragraphs} ¶, {a.Facts} facts, {a.Bullets} bullets)"))) + " |");
        md.AppendLine("|---|" + string.Concat(result.Articles.Select(_ => "---:|")));
        Row(md, result, "first brief in the process (regexes built, code jitted)", a => Inv($"{a.FirstBriefMs:0.0} ms"));
        Row(md, result, "**uncached brief, en** p50 / p99", a => Inv($"**{a.Uncached.P50:0.00}** / {a.Uncached.P99:0.00} ms {(a.Uncached.P50 < TargetMs ? "✅" : "❌")}"));
        Row(md, result, "uncached brief, zh p50 / p99", a => Inv($"{a.UncachedZh.P50:0.00} / {a.UncachedZh.P99:0.00} ms"));
        Row(md, result, "CPU per uncached brief (whole process)", a => Inv($"{a.CpuMsPerUncached:0.00} ms"));
        Row(md, result, "of which fact extraction p50", a => Inv($"{a.Extract.P50:0.00} ms"));
        Row(md, result, "of which composing from facts p50", a => Inv($"{a.ComposeFromFacts.P50:0.00} ms"));
        Row(md, result, "cached brief (SQLite brief cache) p50 / p99", a => Inv($"{a.Cached.P50:0.00} / {a.Cached.P99:0.00} ms"));
        Row(md, result, "baseline: read the paragraphs from the store p50", a => Inv($"{a.ReadParagraphs.P50:0.00} ms"));
        Row(md, result, "uncached brief / baseline (p50)", a => Inv($"{a.Uncached.P50 / a.ReadParagraphs.P50:0.0}×"));
        md.AppendLine();
        md.AppendLine(Inv($"Opening the library took {result.OpenLibraryMs:0} ms. Articles: ") + string.Join("; ", result.Articles.Select(a => $"{a.Label} = {a.Sources}")) + ".");
        md.AppendLine();
    }

    private static void Row(StringBuilder md, BriefResult result, string name, Func<BriefArticleFigures, string> cell) =>
        md.AppendLine("| " + name + " | " + string.Join(" | ", result.Articles.Select(cell)) + " |");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
