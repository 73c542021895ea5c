using System.Globalization;
using System.Text;

namespace CgtAtlas.Benchmarks;

/// <summary>Renders the results as Markdown.</summary>
internal static class Report
{
    public const double IngestRatioTarget = 2.0;
    public const double QueryRatioTarget = 1.3;
    public const double P99TargetMs = 20.0;
    public const int P99TargetSize = 100_000;
    public const double ColdStartTargetSeconds = 0.5;

    public static string Build(BenchOptions options, MachineInfo machine, List<SizeResults> results, BriefResult? briefs, DateTimeOffset started,
        TimeSpan elapsed)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"# CgtAtlas benchmark — {started:yyyy-MM-dd HH:mm zzz}"));
        md.AppendLine();
        md.AppendLine(options.BriefsOnly
            ? Inv($"Command: `bench/run.sh --briefs-only --brief-reps {options.BriefRepetitions}`")
            : Inv($"Command: `dotnet run -c Release --project bench/CgtAtlas.Benchmarks -- --docs {string.Join(',', options.Sizes)} --reps {options.Repetitions} --warmup {options.Warmup} --query-budget {options.QueryBudget} --seed {options.Seed}`"));
        md.AppendLine(Inv($"(total run time {elapsed.TotalMinutes:0.0} min)."));
        md.AppendLine();
        md.AppendLine("| Machine | |");
        md.AppendLine("|---|---|");
        md.AppendLine(Inv($"| CPU | {machine.Cpu}, {machine.Cores} cores |"));
        md.AppendLine(Inv($"| RAM | {machine.MemoryGiB:0.0} GiB |"));
        md.AppendLine(Inv($"| OS | {machine.Os} |"));
        md.AppendLine(Inv($"| .NET | {machine.Runtime}, {machine.Gc} GC |"));
        md.AppendLine(Inv($"| SQLite | {machine.SqliteVersion} ({machine.SqliteLibrary}) |"));
        md.AppendLine();

        if (briefs is not null)
        {
            BriefBenchmarks.Report(md, briefs);
        }

        if (results.Count > 0)
        {
            Targets(md, results);
            Corpus(md, results);
            Ingest(md, results);
            Profile(md, results);
            Queries(md, results);
            Cold(md, results);
            Bigram(md, results);
        }

        var errors = results.SelectMany(r => r.Queries.Errors.Select(e => Inv($"{r.Corpus.Documents:N0} docs: {e}"))).ToList();
        if (errors.Count > 0)
        {
            md.AppendLine("## Problems");
            md.AppendLine();
            errors.ForEach(e => md.AppendLine("- " + e));
            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Targets(StringBuilder md, List<SizeResults> results)
    {
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| Target | Goal | " + string.Join(" | ", results.Select(r => Inv($"{r.Corpus.Documents:N0} docs"))) + " |");
        md.AppendLine("|---|---|" + string.Concat(results.Select(_ => "---|")));
        md.AppendLine(Inv($"| Ingest time CgtAtlas / raw FTS5 | ≤ {IngestRatioTarget:0.0}× | ") + string.Join(" | ", results.Select(r =>
        {
            var ratio = r.CgtAtlas.Seconds / r.Baseline.Seconds;
            return Inv($"{ratio:0.00}× {Verdict(ratio <= IngestRatioTarget)}");
        })) + " |");
        md.AppendLine(Inv($"| Query p50 CgtAtlas / raw FTS5 (pooled mix) | ≤ {QueryRatioTarget:0.0}× | ") + string.Join(" | ", results.Select(r =>
        {
            var ratio = r.Queries.CgtAtlas.P50 / r.Queries.Raw.P50;
            return Inv($"{ratio:0.00}× {Verdict(ratio <= QueryRatioTarget)}");
        })) + " |");
        md.AppendLine(Inv($"| Query p99 CgtAtlas (pooled mix) | < {P99TargetMs:0} ms at {P99TargetSize:N0} docs | ") + string.Join(" | ", results.Select(r =>
        {
            var p99 = r.Queries.CgtAtlas.P99;
            return r.Corpus.Documents >= P99TargetSize ? Inv($"{p99:0.0} ms {Verdict(p99 < P99TargetMs)}") : Inv($"{p99:0.0} ms");
        })) + " |");
        foreach (var (label, _) in ColdStart.Queries)
        {
            md.AppendLine(Inv($"| Cold start `{label}` (median) | < {ColdStartTargetSeconds:0.0} s | ") + string.Join(" | ", results.Select(r =>
            {
                var figure = r.ColdStart.FirstOrDefault(c => c.Label == label);
                return figure is null ? "—" : Inv($"{figure.Median:0.00} s {Verdict(figure.Median < ColdStartTargetSeconds)}");
            })) + " |");
        }

        md.AppendLine();
    }

    private static void Corpus(StringBuilder md, List<SizeResults> results)
    {
        md.AppendLine("## Corpus (synthetic, deterministic)");
        md.AppendLine();
        md.AppendLine("| Docs | Chinese | English | Size | Avg Chinese doc | Avg English doc | Body tokens | Index text | Generated in |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var c = r.Corpus;
            md.AppendLine(Inv($"| {c.Documents:N0} | {c.Chinese:N0} | {c.English:N0} | {c.Bytes / 1e6:N1} MB | {c.ChineseChars / (double)Math.Max(1, c.Chinese):N0} chars | ") +
                Inv($"{c.EnglishWords / (double)Math.Max(1, c.English):N0} words | {r.Profile.TokenCount / 1e6:N1} M | {r.Profile.IndexChars / 1e6:N0} M chars | {c.Seconds:N1} s |"));
        }

        md.AppendLine();
    }

    private static void Ingest(StringBuilder md, List<SizeResults> results)
    {
        md.AppendLine("## Ingest");
        md.AppendLine();
        md.AppendLine("MB/s counts input file bytes (UTF-8 .txt) for both engines. Each row is a separate child process; memory is that process's. " +
            "CPU time is the process's user + system time: when other work shares the machine (see the load averages below), wall time grows but CPU time much less.");
        md.AppendLine();
        md.AppendLine("| Docs | Engine | Time | CPU time | MB/s | docs/s | vs baseline | Peak working set | Peak managed heap | GC heap at end | Allocated/doc | Gen0/1/2 GCs | DB size | Near-dups |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var i in new[] { r.Baseline, r.CgtAtlas })
            {
                var m = i.Memory;
                md.AppendLine(Inv($"| {i.Documents:N0} | {i.Engine} | {i.Seconds:N1} s | {m.CpuSeconds:N1} s | {i.MegabytesPerSecond:N2} | {i.DocumentsPerSecond:N0} | {i.Seconds / r.Baseline.Seconds:0.00}× | ") +
                    Inv($"{m.PeakWorkingSetBytes / 1048576.0:N0} MiB | {m.PeakManagedBytesSampled / 1048576.0:N0} MiB | {m.GcHeapSizeBytes / 1048576.0:N0} MiB | ") +
                    Inv($"{m.AllocatedBytes / 1024.0 / Math.Max(1, i.Documents):N0} KiB | {m.Gen0}/{m.Gen1}/{m.Gen2} | {i.DatabaseBytes / 1e6:N0} MB | {i.NearDuplicates} |"));
            }
        }

        md.AppendLine();
        md.AppendLine("Timed sections:");
        md.AppendLine();
        foreach (var r in results)
        {
            foreach (var i in new[] { r.Baseline, r.CgtAtlas })
            {
                md.AppendLine(Inv($"- {r.Corpus.Documents:N0} docs, {i.Engine}: ") +
                    string.Join("; ", i.Sections.Select(s => Inv($"{s.Key} {s.Value:N2} s"))) + $" (1-min load average {i.Memory.LoadAverage})");
            }
        }

        if (results.Any(r => r.CliIngest is not null))
        {
            md.AppendLine();
            md.AppendLine("`cgt --db DB ingest CORPUS --json` with the published CLI, as a user runs it (not in the ratio): the same ingest, plus " +
                "the knowledge base's product and company tags (found on a thread of their own during the ingest, written after it), " +
                "process start-up and jieba's start-up at the end.");
            md.AppendLine();
            md.AppendLine("| Docs | `cgt ingest` wall time | Documents | Automatic tag rows | vs `Library.Ingest` |");
            md.AppendLine("|---:|---:|---:|---:|---:|");
            foreach (var r in results.Where(r => r.CliIngest is not null))
            {
                var c = r.CliIngest!;
                md.AppendLine(Inv($"| {r.Corpus.Documents:N0} | {c.Seconds:N1} s | {c.Documents:N0} | {c.Tags:N0} | {c.Seconds / r.CgtAtlas.Seconds:0.00}× |"));
            }
        }

        md.AppendLine();
    }

    private static void Profile(StringBuilder md, List<SizeResults> results)
    {
        md.AppendLine("## Where CgtAtlas ingest time goes");
        md.AppendLine();
        md.AppendLine("The steps of `IngestPipeline` for .txt files re-run one by one with a stopwatch each, outside SQLite (child process `profile`). " +
            "\"SQLite writes and the rest\" is the CgtAtlas ingest time minus the CPU steps (documents, paragraphs and FTS rows, savepoints, the hash lookup, commits).");
        md.AppendLine();
        md.AppendLine("| Step | " + string.Join(" | ", results.Select(r => Inv($"{r.Corpus.Documents:N0} docs"))) + " |");
        md.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")));
        var steps = results.SelectMany(r => r.Profile.Seconds.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var step in steps)
        {
            md.AppendLine($"| {step} | " + string.Join(" | ", results.Select(r =>
            {
                var seconds = r.Profile.Seconds.GetValueOrDefault(step);
                return Inv($"{seconds:N2} s ({seconds / r.CgtAtlas.Seconds:P0})");
            })) + " |");
        }

        md.AppendLine("| **SQLite writes and the rest** (CgtAtlas time − CPU steps) | " + string.Join(" | ", results.Select(r =>
        {
            var cpu = r.Profile.Seconds.Where(kv => !kv.Key.StartsWith('(')).Sum(kv => kv.Value);
            var rest = r.CgtAtlas.Seconds - cpu;
            return Inv($"{rest:N2} s ({rest / r.CgtAtlas.Seconds:P0})");
        })) + " |");
        md.AppendLine("| raw FTS5 baseline, whole run (for scale) | " + string.Join(" | ", results.Select(r =>
            Inv($"{r.Baseline.Seconds:N2} s ({r.Baseline.Seconds / r.CgtAtlas.Seconds:P0})"))) + " |");
        md.AppendLine();
        if (results.All(r => r.StoreProfile.Count == 0))
        {
            return;
        }

        md.AppendLine("The SQLite statements of a CgtAtlas ingest, replayed with the same SQL and schema and timed one kind at a time " +
            "(child process `store-profile`; percentages of the CgtAtlas ingest time):");
        md.AppendLine();
        md.AppendLine("| Statement | " + string.Join(" | ", results.Select(r => Inv($"{r.Corpus.Documents:N0} docs"))) + " |");
        md.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")));
        foreach (var step in results.SelectMany(r => r.StoreProfile.Keys).Distinct(StringComparer.Ordinal))
        {
            md.AppendLine($"| {step} | " + string.Join(" | ", results.Select(r =>
            {
                var seconds = r.StoreProfile.GetValueOrDefault(step);
                return Inv($"{seconds:N2} s ({seconds / r.CgtAtlas.Seconds:P0})");
            })) + " |");
        }

        md.AppendLine("| **all statements** | " + string.Join(" | ", results.Select(r =>
            Inv($"{r.StoreProfile.Values.Sum():N2} s ({r.StoreProfile.Values.Sum() / r.CgtAtlas.Seconds:P0})"))) + " |");
        md.AppendLine();
    }

    private static void Queries(StringBuilder md, List<SizeResults> results)
    {
        md.AppendLine("## Query latency");
        md.AppendLine();
        var first = results.FirstOrDefault()?.Queries;
        if (first is null)
        {
            return;
        }

        md.AppendLine(Inv($"{first.Queries.Count} queries × {string.Join(" / ", results.Select(r => r.Queries.Repetitions))} timed repetitions (per size) after up to {first.Warmup} warm-up passes, interleaved query by query. ") +
            "CgtAtlas = `Library.Search(new SearchRequest { Query = q, Limit = 10 })`; raw = `SELECT rowid, bm25(doc_fts) FROM doc_fts WHERE doc_fts MATCH $q ORDER BY rank LIMIT 10` " +
            "with the same compiled MATCH string, on the CgtAtlas file (same index; the ratio's denominator) and, for reference, on the baseline file (3 runs; 1 when a pass over the mix takes over 30 s). " +
            "The step breakdown below uses 10 runs per query (3 when the timed repetitions are fewer than 20, 1 when a pass takes over 30 s).");
        md.AppendLine();
        md.AppendLine("| Docs | Engine | p50 | p95 | p99 | max | mean | p50 ratio |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var q = r.Queries;
            foreach (var (name, s) in new[] { ("CgtAtlas Library.Search", q.CgtAtlas), ("raw FTS5, CgtAtlas file", q.Raw), ("raw FTS5, baseline file", q.RawBaselineDb) })
            {
                md.AppendLine(Inv($"| {r.Corpus.Documents:N0} | {name} | {s.P50:N2} ms | {s.P95:N2} ms | {s.P99:N2} ms | {s.Max:N2} ms | {s.Mean:N2} ms | {s.P50 / q.Raw.P50:0.00}× |"));
            }

            var perQuery = q.Queries.Select(f => f.Ratio).Order().ToArray();
            md.AppendLine(Inv($"| {r.Corpus.Documents:N0} | 1-min load average at start → end: {q.LoadAverage} | | | | | | |"));
            md.AppendLine(Inv($"| {r.Corpus.Documents:N0} | per-query p50 ratio: median / worst | {LatencyStats.Percentile(perQuery, 50):0.00}× | | | {perQuery[^1]:0.00}× | | |"));

            // Broad queries do less work than the raw query by design (no BM25 over every match); the library's own overhead
            // shows on the queries both rank by BM25.
            var bm25 = q.Queries.Where(f => f.RankedBy == "relevance").Select(f => f.Ratio).Order().ToArray();
            if (bm25.Length > 0)
            {
                md.AppendLine(Inv($"| {r.Corpus.Documents:N0} | per-query p50 ratio, the {bm25.Length} queries ranked by BM25: median / worst | {LatencyStats.Percentile(bm25, 50):0.00}× | | | {bm25[^1]:0.00}× | | |"));
            }
        }

        md.AppendLine();
        md.AppendLine("Where `Library.Search` spends its time (sum over the mix of each step's p50, ms; the steps are re-run one by one):");
        md.AppendLine();
        md.AppendLine("| Step | " + string.Join(" | ", results.Select(r => Inv($"{r.Corpus.Documents:N0} docs"))) + " |");
        md.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")));
        foreach (var step in results[0].Queries.StageP50Sum.Keys)
        {
            md.AppendLine($"| {step} | " + string.Join(" | ", results.Select(r => Inv($"{r.Queries.StageP50Sum.GetValueOrDefault(step):N1}"))) + " |");
        }

        md.AppendLine();
        var largest = results[^1];
        md.AppendLine(Inv($"Per query at {largest.Corpus.Documents:N0} documents (matches = FTS5 rows matching; total = hits after near-duplicate grouping and filters):"));
        md.AppendLine();
        md.AppendLine("Ranked: `relevance` = BM25 over every match; `recency` = more matches than the rank window, so the newest are shown (title matches first) and the total is estimated.");
        md.AppendLine();
        md.AppendLine("| Kind | Query | Matches | Total | Ranked | CgtAtlas p50 | CgtAtlas p99 | raw p50 | ratio | store | snippets | expand |");
        md.AppendLine("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var f in largest.Queries.Queries)
        {
            md.AppendLine(Inv($"| {f.Category} | `{f.Query}` | {f.Matches:N0} | {f.Total:N0} | {f.RankedBy} | {f.CgtAtlas.P50:N2} | {f.CgtAtlas.P99:N2} | {f.Raw.P50:N2} | {f.Ratio:0.00}× | ") +
                Inv($"{f.StageP50.GetValueOrDefault(QueryBenchmarks.StoreStage):N2} | {f.StageP50.GetValueOrDefault("snippets"):N2} | {f.StageP50.GetValueOrDefault("expand"):N2} |"));
        }

        md.AppendLine();
    }

    private static void Cold(StringBuilder md, List<SizeResults> results)
    {
        if (results.All(r => r.ColdStart.Count == 0))
        {
            return;
        }

        md.AppendLine("## Cold start of the CLI");
        md.AppendLine();
        md.AppendLine("`dotnet <tmp>/cli/cgt.dll --db <library> search <query>`, published Release ReadyToRun as `./cgt` does; a new process per run, wall time to exit (OS file cache warm).");
        md.AppendLine();
        md.AppendLine("| Docs | Invocation | median | min | max | runs |");
        md.AppendLine("|---:|---|---:|---:|---:|---|");
        foreach (var r in results)
        {
            foreach (var c in r.ColdStart)
            {
                md.AppendLine(Inv($"| {r.Corpus.Documents:N0} | {c.Label} | {c.Median:0.000} s | {c.Seconds.Min():0.000} s | {c.Seconds.Max():0.000} s | ") +
                    string.Join(", ", c.Seconds.Select(s => Inv($"{s:0.000}"))) + (c.ExitCode == 0 ? " |" : Inv($" (exit {c.ExitCode}) |")));
            }
        }

        md.AppendLine();
        md.AppendLine("Inside a cold process (this benchmark's own executable, without System.CommandLine and Spectre.Console), ms:");
        md.AppendLine();
        var largest = results[^1];
        var steps = largest.ColdProfiles.SelectMany(p => p.Milliseconds.Keys).Distinct(StringComparer.Ordinal).ToList();
        md.AppendLine("| Step | " + string.Join(" | ", largest.ColdProfiles.Select(p => $"`{p.Query}`")) + " |");
        md.AppendLine("|---|" + string.Concat(largest.ColdProfiles.Select(_ => "---:|")));
        foreach (var step in steps)
        {
            md.AppendLine($"| {step} | " + string.Join(" | ", largest.ColdProfiles.Select(p => Inv($"{p.Milliseconds.GetValueOrDefault(step):N0}"))) + " |");
        }

        md.AppendLine();
    }

    private static void Bigram(StringBuilder md, List<SizeResults> results)
    {
        var runs = results.Where(r => r.Bigram is not null).Select(r => r.Bigram!).ToList();
        if (runs.Count == 0)
        {
            return;
        }

        md.AppendLine("## Experiment: pruned OR alternatives and a Han bigram index (`--bigram-experiment`)");
        md.AppendLine();
        md.AppendLine("Two raw FTS5 tables built from the same analysed corpus, 200 documents per transaction: today's one token per Han character (unigram), " +
            "and the same stream with runs of Han characters as overlapping bigrams; each compiled MATCH string is rewritten the same way (a phrase 细 胞 becomes " +
            "the term 细胞). \"Pruned\" drops OR alternatives that contain another alternative (CAR-T cell therapy next to CAR-T): same matching documents. " +
            "\"Bounded\" ranks only the newest 2,000 matches (`ORDER BY rowid DESC LIMIT 2000` inside, then bm25 order): a product trade-off, not the same result. " +
            "Raw query, p50 over 5 runs, ms.");
        md.AppendLine();
        md.AppendLine("| Docs | Insert unigram | Insert bigram | Index unigram | Index bigram | Σ p50 unigram | Σ p50 unigram pruned | Σ p50 bigram | Σ p50 bigram pruned | Σ p50 bigram pruned bounded | max p50 unigram | max p50 bigram pruned | max p50 bigram pruned bounded |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var b in runs)
        {
            var comparable = b.Queries.Where(q => q.BigramMatch is not null && !double.IsNaN(q.BigramPrunedP50)).ToList();
            md.AppendLine(Inv($"| {b.Documents:N0} | {b.UnigramInsertSeconds:N1} s | {b.BigramInsertSeconds:N1} s | {b.UnigramBytes / 1e6:N0} MB | {b.BigramBytes / 1e6:N0} MB | ") +
                Inv($"{comparable.Sum(q => q.UnigramP50):N0} | {comparable.Sum(q => q.PrunedP50):N0} | {comparable.Sum(q => q.BigramP50):N0} | {comparable.Sum(q => q.BigramPrunedP50):N0} | ") +
                Inv($"{comparable.Sum(q => q.BigramPrunedBoundedP50):N0} | {comparable.Max(q => q.UnigramP50):N1} | {comparable.Max(q => q.BigramPrunedP50):N1} | {comparable.Max(q => q.BigramPrunedBoundedP50):N1} |"));
        }

        var largest = runs[^1];
        md.AppendLine();
        md.AppendLine(Inv($"Per query at {largest.Documents:N0} documents (rows: matches on each variant; equal counts show the rewrites keep the semantics):"));
        md.AppendLine();
        md.AppendLine("| Kind | Query | Rows unigram | Rows pruned | Rows bigram | p50 unigram | p50 pruned | p50 pruned bounded | p50 bigram | p50 bigram pruned | p50 bigram pruned bounded |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var q in largest.Queries)
        {
            md.AppendLine(q.BigramMatch is null
                ? Inv($"| {q.Category} | `{q.Query}` | {q.UnigramRows:N0} | {q.PrunedRows:N0} | n/a (1-char phrase) | {q.UnigramP50:N2} | {q.PrunedP50:N2} | {q.PrunedBoundedP50:N2} | — | — | — |")
                : Inv($"| {q.Category} | `{q.Query}` | {q.UnigramRows:N0} | {q.PrunedRows:N0} | {q.BigramRows:N0} | {q.UnigramP50:N2} | {q.PrunedP50:N2} | {q.PrunedBoundedP50:N2} | {q.BigramP50:N2} | {q.BigramPrunedP50:N2} | {q.BigramPrunedBoundedP50:N2} |"));
        }

        md.AppendLine();
    }

    private static string Verdict(bool met) => met ? "✅" : "❌";

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
