using System.Diagnostics;
using CgtAtlas.Benchmarks.Corpus;
using CgtAtlas.Search;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Benchmarks;

/// <summary>The fixed query mix: what people type into a CGT news search, in both languages.</summary>
internal static class QueryMix
{
    public static List<(string Category, string Query)> Build(Vocabulary vocabulary) =>
    [
        ("zh 2-char", "细胞"),
        ("zh 2-char", "病毒"),
        ("zh 2-char", "融资"),
        ("zh 2-char", "获批"),
        ("zh 2-char", "临床"),
        ("zh 2-char", "肿瘤"),
        ("zh word", "多发性骨髓瘤"),
        ("zh word", "临床试验"),
        ("zh word", "造血干细胞移植"),
        ("zh word", "惠民保"),
        ("zh word", "优先审评"),
        ("zh word", "肿瘤微环境"),
        ("zh word", "嵌合抗原受体"),
        ("zh words", "孤儿药资格认定 默示许可"),
        ("en word", "myeloma"),
        ("en word", "lentiviral"),
        ("en word", "persistence"),
        ("en word", "reimbursement"),
        ("en phrase", "\"cytokine release syndrome\""),
        ("en phrase", "\"overall response rate\""),
        ("en phrase", "\"priority review\""),
        ("glossary", "oncolytic virus"),
        ("glossary", "溶瘤病毒"),
        ("glossary", "NMPA"),
        ("glossary", "国家药监局"),
        ("glossary", "CAR-T"),
        ("glossary", "BCMA"),
        ("glossary", "gene therapy"),
        ("glossary", "base editing"),
        ("identifier", "AAV9"),
        ("identifier", vocabulary.NctPool[3]),
        ("identifier", "CLDN18.2"),
        ("identifier", "B7-H3"),
        ("identifier", "120万元"),
        ("boolean", "CAR-T OR TCR-T"),
        ("boolean", "BCMA NOT 骨髓瘤"),
        ("boolean", "溶瘤病毒 -临床"),
        ("boolean", "(AAV9 OR AAV8) 脊髓性肌萎缩症"),
        ("boolean", "myeloma OR lymphoma -relapsed"),
        ("filter", "lang:zh 溶瘤病毒"),
        ("filter", "lang:en CAR-T"),
        ("filter", "CAR-T after:2023-01-01"),
        ("filter", "title:CAR-T"),
        ("mixed", "CAR-T 国家药监局 获批"),
        ("mixed", "BCMA 多发性骨髓瘤"),
        ("mixed", "Kymriah price"),
    ];
}

/// <summary>
/// Query latency: <c>Library.Search</c> (parse, expand, SQL with filters and near-duplicate grouping, paragraphs,
/// snippets) against a raw FTS5 query with the same compiled MATCH string, interleaved query by query so that noise
/// hits both alike. The raw query runs on the CgtAtlas file itself (same index) and, for reference, on the baseline file.
/// </summary>
internal static class QueryBenchmarks
{
    /// <summary>The store's part of a search: probe, rank (BM25 or recency window), collapse, total, hit metadata.</summary>
    public const string StoreStage = "store search (probe, rank, collapse, total)";

    private const string RawSql = "SELECT rowid, bm25(doc_fts) FROM doc_fts WHERE doc_fts MATCH $q ORDER BY rank LIMIT 10";

    public static QueryResult Run(string cgtDatabase, string baselineDatabase, Vocabulary vocabulary, int documents, int repetitions, int warmup,
        double budgetSeconds)
    {
        var text = TextServices.Default;
        using var library = new Library(SqliteLibraryStore.Open(cgtDatabase), text);
        using var raw = IngestBenchmarks.Open(cgtDatabase, SqliteOpenMode.ReadOnly);
        using var rawBaseline = IngestBenchmarks.Open(baselineDatabase, SqliteOpenMode.ReadOnly);
        using var rawCommand = Prepare(raw, RawSql);
        using var baselineCommand = Prepare(rawBaseline, RawSql);
        using var countCommand = Prepare(raw, "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH $q");
        using var baselineCountCommand = Prepare(rawBaseline, "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH $q");

        var loadAtStart = MemorySampler.LoadAverage();
        var errors = new List<string>();
        var mix = new List<(string Category, string Query, string Match, ParsedQuery Parsed)>();
        foreach (var (category, query) in QueryMix.Build(vocabulary))
        {
            try
            {
                var parsed = new QueryParser().Parse(query);
                var match = Fts5QueryCompiler.Compile(new QueryExpander(text).Expand(parsed.Root!));
                mix.Add((category, query, match, parsed));
            }
            catch (QuerySyntaxException ex)
            {
                errors.Add($"{query}: {ex.Message}");
            }
        }

        // Match counts on both files: equal counts show the baseline indexed the same tokens.
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, query, match, _) in mix)
        {
            var cgt = Count(countCommand, match);
            var baseline = Count(baselineCountCommand, match);
            totals[query] = cgt;
            if (cgt != baseline)
            {
                errors.Add($"token parity: '{query}' matches {cgt} rows in CgtAtlas but {baseline} in the baseline");
            }
        }

        // Warm-up passes (JIT, SQLite and OS caches, jieba); their duration sets how many timed repetitions fit the budget.
        var searchTotals = new Dictionary<string, int>(StringComparer.Ordinal);
        var rankedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var warmClock = Stopwatch.StartNew();
        var passSeconds = 0.0;
        for (var w = 0; w < warmup; w++)
        {
            var pass = Stopwatch.StartNew();
            foreach (var (_, query, match, _) in mix)
            {
                var results = library.Search(new SearchRequest { Query = query, Limit = 10 });
                searchTotals[query] = results.Total;
                rankedBy[query] = results.RankedBy;
                RunRaw(rawCommand, match);
            }

            passSeconds = pass.Elapsed.TotalSeconds;
            if (warmClock.Elapsed.TotalSeconds > budgetSeconds * 0.15)
            {
                break;
            }
        }

        var reps = Math.Clamp((int)(budgetSeconds / Math.Max(passSeconds, 1e-3)), Math.Min(5, repetitions), repetitions);
        Console.Error.WriteLine($"  query: one pass over the mix takes {passSeconds:N2} s; {reps} timed repetitions");

        var cgtSamples = mix.ToDictionary(m => m.Query, _ => new List<double>(), StringComparer.Ordinal);
        var rawSamples = mix.ToDictionary(m => m.Query, _ => new List<double>(), StringComparer.Ordinal);
        var baselineSamples = mix.ToDictionary(m => m.Query, _ => new List<double>(), StringComparer.Ordinal);
        for (var r = 0; r < reps; r++)
        {
            foreach (var (_, query, match, _) in mix)
            {
                var t = Stopwatch.GetTimestamp();
                library.Search(new SearchRequest { Query = query, Limit = 10 });
                cgtSamples[query].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);

                t = Stopwatch.GetTimestamp();
                RunRaw(rawCommand, match);
                rawSamples[query].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        // For reference only: the same raw query on the baseline file (built with its own commit pattern), a few runs.
        foreach (var (_, _, match, _) in mix)
        {
            RunRaw(baselineCommand, match);
        }

        // On slow (large) corpora the reference and the stage breakdown get fewer runs, to keep the run time bounded.
        var slow = passSeconds > 30;
        for (var r = 0; r < (slow ? 1 : Math.Min(reps, 3)); r++)
        {
            foreach (var (_, query, match, _) in mix)
            {
                var t = Stopwatch.GetTimestamp();
                RunRaw(baselineCommand, match);
                baselineSamples[query].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        // Where Library.Search spends its time: the same steps, each timed alone (p50 over the repetitions).
        var stages = Stages(library, text, raw, mix, slow ? 1 : reps >= 20 ? 10 : 3);

        var figures = mix.Select(m => new QueryFigures(m.Category, m.Query, m.Match, searchTotals.GetValueOrDefault(m.Query), totals[m.Query],
            LatencyStats.From(cgtSamples[m.Query]), LatencyStats.From(rawSamples[m.Query]), LatencyStats.From(baselineSamples[m.Query]),
            stages[m.Query], rankedBy.GetValueOrDefault(m.Query, "relevance"))).ToList();
        var stageSum = figures.SelectMany(f => f.StageP50).GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
        return new QueryResult(documents, reps, warmup, figures,
            LatencyStats.From(cgtSamples.Values.SelectMany(s => s).ToList()),
            LatencyStats.From(rawSamples.Values.SelectMany(s => s).ToList()),
            LatencyStats.From(baselineSamples.Values.SelectMany(s => s).ToList()),
            stageSum, errors, $"{loadAtStart} → {MemorySampler.LoadAverage()}");
    }

    private static Dictionary<string, Dictionary<string, double>> Stages(Library library, TextServices text, SqliteConnection raw,
        List<(string Category, string Query, string Match, ParsedQuery Parsed)> mix, int repetitions)
    {
        var parser = new QueryParser();
        var expander = new QueryExpander(text);
        var snippets = new SnippetBuilder(text.Analyzer);
        using var weighted = Prepare(raw, "SELECT rowid, bm25(doc_fts, 8.0, 1.0) AS bm FROM doc_fts WHERE doc_fts MATCH $q ORDER BY bm LIMIT 10");
        using var count = Prepare(raw, "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH $q");
        var result = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (_, query, match, _) in mix)
        {
            var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            void Add(string name, long start) =>
                (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            for (var r = 0; r < repetitions; r++)
            {
                var t = Stopwatch.GetTimestamp();
                var parsed = parser.Parse(query);
                Add("parse", t);

                t = Stopwatch.GetTimestamp();
                var expanded = expander.Expand(parsed.Root!);
                Add("expand", t);

                t = Stopwatch.GetTimestamp();
                _ = Fts5QueryCompiler.Compile(expanded);
                Add("compile", t);

                t = Stopwatch.GetTimestamp();
                var page = library.Store.Search(expanded, parsed.Filters, SearchSort.Relevance, 10, 0,
                    library.TitleMatcher(QueryExpander.PositivePhrases(expanded)));
                Add(StoreStage, t);

                t = Stopwatch.GetTimestamp();
                var paragraphs = library.Store.GetParagraphs(page.Hits.Select(h => h.Id).ToList());
                Add("load paragraphs of the page", t);

                t = Stopwatch.GetTimestamp();
                var phrases = QueryExpander.PositivePhrases(expanded);
                foreach (var hit in page.Hits)
                {
                    snippets.Build(paragraphs.GetValueOrDefault(hit.Id) ?? [], phrases);
                }

                Add("snippets", t);

                t = Stopwatch.GetTimestamp();
                RunRaw(weighted, match);
                Add("(reference) FTS5 MATCH + weighted bm25, LIMIT 10", t);

                t = Stopwatch.GetTimestamp();
                Count(count, match);
                Add("(reference) FTS5 count(*) only: matching without ranking", t);
            }

            result[query] = samples.ToDictionary(kv => kv.Key, kv => LatencyStats.From(kv.Value).P50, StringComparer.Ordinal);
        }

        return result;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$q", string.Empty));
        command.Prepare();
        return command;
    }

    private static int RunRaw(SqliteCommand command, string match)
    {
        command.Parameters["$q"].Value = match;
        var rows = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetDouble(1);
            rows++;
        }

        return rows;
    }

    private static int Count(SqliteCommand command, string match)
    {
        command.Parameters["$q"].Value = match;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
