using System.Diagnostics;
using System.Globalization;
using CgtAtlas.Benchmarks;
using CgtAtlas.Benchmarks.Corpus;

// End-to-end benchmark of CgtAtlas: corpus generation, ingest vs a raw FTS5 baseline, query latency, CLI cold start.
// The parent process orchestrates; every measurement runs in a child process (this program with "child <mode>") so
// that peak memory and JIT state are per measurement.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length > 0 && args[0] == "child")
{
    return Child.Run(args[1..]);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

return Orchestrator.Run(options);

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        CgtAtlas end-to-end benchmark
          dotnet run -c Release --project bench/CgtAtlas.Benchmarks -- [options]
        Options:
          --docs 10000,100000   corpus sizes (documents), each measured separately (default 10000,100000)
          --reps 20             timed repetitions of every query (default 20)
          --warmup 2            untimed passes over the query mix first (default 2)
          --query-budget 240    seconds for the timed query repetitions per size; fewer repetitions (at least 5)
                                are run when one pass over the mix is slow (default 240)
          --cold-runs 5         runs of each cold-start CLI invocation (default 5)
          --seed 20250601       corpus seed (default 20250601)
          --work DIR            scratch folder for corpora and databases (default: $TMPDIR/cgtatlas-bench)
          --out FILE            Markdown report (default: bench/results/latest.md)
          --no-cold-start       skip the CLI cold-start measurement
          --keep                keep databases and token files (corpora are always kept for reuse)
          --no-store-profile    skip replaying the SQLite statements one by one (saves ~4 min at 100k documents)
          --bigram-experiment   also index the corpus with Han bigrams in a raw FTS5 table and compare query latency
          --brief-reps 200      timed repetitions of each brief series (default 200; the brief benchmark takes ~30 s)
          --no-briefs           skip the brief benchmark
          --briefs-only         run only the brief benchmark (no corpus, ingest, queries or cold start);
                                report in bench/results/briefs.md unless --out is given
        """;

    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 100_000];

    public int Repetitions { get; init; } = 20;

    public int Warmup { get; init; } = 2;

    public int QueryBudget { get; init; } = 240;

    public int ColdRuns { get; init; } = 5;

    public int Seed { get; init; } = 20250601;

    public string Work { get; init; } = Path.Combine(Path.GetTempPath(), "cgtatlas-bench");

    public string? Output { get; init; }

    public bool ColdStart { get; init; } = true;

    public bool Keep { get; init; }

    public bool BigramExperiment { get; init; }

    public bool StoreProfile { get; init; } = true;

    public int BriefRepetitions { get; init; } = 200;

    public bool Briefs { get; init; } = true;

    public bool BriefsOnly { get; init; }

    public bool Help { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number()
            {
                var name = args[i];
                return int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new ArgumentException($"{name} needs a positive number");
            }

            options = args[i] switch
            {
                "--docs" => options with
                {
                    Sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.TryParse(s.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer,
                            CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"bad size '{s}'"))
                        .ToList(),
                },
                "--reps" => options with { Repetitions = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--query-budget" => options with { QueryBudget = Number() },
                "--cold-runs" => options with { ColdRuns = Number() },
                "--seed" => options with { Seed = Number() },
                "--work" => options with { Work = Path.GetFullPath(Value()) },
                "--out" => options with { Output = Path.GetFullPath(Value()) },
                "--no-cold-start" => options with { ColdStart = false },
                "--keep" => options with { Keep = true },
                "--bigram-experiment" => options with { BigramExperiment = true },
                "--no-store-profile" => options with { StoreProfile = false },
                "--brief-reps" => options with { BriefRepetitions = Number() },
                "--no-briefs" => options with { Briefs = false },
                "--briefs-only" => options with { BriefsOnly = true },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return options;
    }
}

/// <summary>Everything measured for one corpus size.</summary>
internal sealed record SizeResults(
    CorpusManifest Corpus,
    ProfileResult Profile,
    Dictionary<string, double> StoreProfile,
    IngestResult Baseline,
    IngestResult CgtAtlas,
    CliIngestResult? CliIngest,
    QueryResult Queries,
    List<ColdStartFigures> ColdStart,
    List<ColdProfile> ColdProfiles,
    BigramResult? Bigram);

internal static class Orchestrator
{
    public static int Run(BenchOptions options)
    {
        var root = RepositoryRoot();
        var output = options.Output ?? Path.Combine(root, "bench", "results", options.BriefsOnly ? "briefs.md" : "latest.md");
        Directory.CreateDirectory(options.Work);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        if (options.BriefsOnly)
        {
            return RunBriefsOnly(options, root, output, started, clock);
        }
        Log($"work folder {options.Work}; sizes {string.Join(", ", options.Sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}");

        var machine = MachineInfo.Collect();
        string? cli = null;
        if (options.ColdStart)
        {
            cli = ColdStart.BuildCli(root, Path.Combine(options.Work, "cli"), Log);
        }

        var briefs = options.Briefs ? MeasureBriefs(options, root) : null;
        var vocabulary = Vocabulary.Build(options.Seed, JiebaDictionary());
        var generator = new CorpusGenerator(vocabulary, options.Seed);
        var results = new List<SizeResults>();
        foreach (var size in options.Sizes)
        {
            Log($"=== {size:N0} documents ===");
            var folder = Path.Combine(options.Work, $"corpus-{size}");
            var corpus = generator.Write(folder, size, Log);
            var dir = Path.Combine(options.Work, $"run-{size}");
            Directory.CreateDirectory(dir);
            var tokens = Path.Combine(dir, "tokens.tsv");
            var baselineDb = Path.Combine(dir, "baseline.db");
            var cgtDb = Path.Combine(dir, "cgtatlas.db");

            Log("profile: re-running the ingest steps outside SQLite and writing the analysed tokens for the baseline");
            var profile = Spawn<ProfileResult>(dir, "profile", "--corpus", folder, "--tokens", tokens);
            Log($"profile: {profile.Seconds.Values.Sum():N1} s, {profile.TokenCount:N0} body tokens, {profile.NearDuplicates} near-duplicates");

            Log("ingest: raw FTS5 baseline");
            var baseline = Spawn<IngestResult>(dir, "ingest-baseline", "--tokens", tokens, "--db", baselineDb,
                "--docs", Str(size), "--bytes", Str(corpus.Bytes));
            Log($"ingest: baseline {baseline.Seconds:N1} s, {baseline.MegabytesPerSecond:N2} MB/s, {baseline.DocumentsPerSecond:N0} docs/s");

            Log("ingest: CgtAtlas Library.Ingest");
            var cgt = Spawn<IngestResult>(dir, "ingest-cgtatlas", "--corpus", folder, "--db", cgtDb, "--bytes", Str(corpus.Bytes));
            Log($"ingest: CgtAtlas {cgt.Seconds:N1} s, {cgt.MegabytesPerSecond:N2} MB/s, {cgt.DocumentsPerSecond:N0} docs/s " +
                $"(ratio {cgt.Seconds / baseline.Seconds:N2}x)");

            CliIngestResult? cliIngest = null;
            if (cli is not null)
            {
                Log("ingest: cgt ingest --json, the CLI end to end (automatic tags included)");
                var cliDb = Path.Combine(dir, "cli-ingest.db");
                cliIngest = IngestBenchmarks.RunCli(cli, folder, cliDb);
                IngestBenchmarks.DeleteDatabase(cliDb);
                Log($"ingest: cgt ingest {cliIngest.Seconds:N1} s, {cliIngest.Documents:N0} documents, {cliIngest.Tags:N0} tags");
            }

            var storeProfile = new Dictionary<string, double>(StringComparer.Ordinal);
            if (options.StoreProfile)
            {
                Log("store profile: the SQLite statements of a CgtAtlas ingest, timed one kind at a time");
                var storeDb = Path.Combine(dir, "store-profile.db");
                storeProfile = Spawn<Dictionary<string, double>>(dir, "store-profile", "--corpus", folder, "--tokens", tokens, "--db", storeDb);
                IngestBenchmarks.DeleteDatabase(storeDb);
                Log($"store profile: {storeProfile.Values.Sum():N1} s in SQLite statements");
            }

            Log($"query: {options.Repetitions} repetitions after {options.Warmup} warm-up runs");
            var queries = Spawn<QueryResult>(dir, "query", "--db", cgtDb, "--baseline-db", baselineDb, "--docs", Str(size),
                "--reps", Str(options.Repetitions), "--warmup", Str(options.Warmup), "--seed", Str(options.Seed),
                "--budget", Str(options.QueryBudget));
            Log($"query: CgtAtlas p50 {queries.CgtAtlas.P50:N2} ms p99 {queries.CgtAtlas.P99:N2} ms; raw p50 {queries.Raw.P50:N2} ms " +
                $"p99 {queries.Raw.P99:N2} ms");

            var cold = new List<ColdStartFigures>();
            var coldProfiles = new List<ColdProfile>();
            if (cli is not null)
            {
                Log($"cold start: {options.ColdRuns} runs per invocation");
                cold = ColdStart.Measure(cli, cgtDb, options.ColdRuns);
                foreach (var figure in cold)
                {
                    Log($"cold start: {figure.Label}: median {figure.Median * 1000:N0} ms");
                }

                foreach (var (_, query) in ColdStart.Queries)
                {
                    coldProfiles.Add(Spawn<ColdProfile>(dir, "cold-profile", "--db", cgtDb, "--query", query));
                }
            }

            BigramResult? bigram = null;
            if (options.BigramExperiment)
            {
                Log("experiment: unigram vs bigram FTS5 tables");
                var bigramDb = Path.Combine(dir, "bigram.db");
                bigram = Spawn<BigramResult>(dir, "bigram", "--corpus", folder, "--db", bigramDb, "--seed", Str(options.Seed));
                IngestBenchmarks.DeleteDatabase(bigramDb);
            }

            results.Add(new SizeResults(corpus, profile, storeProfile, baseline, cgt, cliIngest, queries, cold, coldProfiles, bigram));
            if (!options.Keep)
            {
                IngestBenchmarks.DeleteDatabase(baselineDb);
                IngestBenchmarks.DeleteDatabase(cgtDb);
                File.Delete(tokens);
            }

            // Write after every size, so a long run that is stopped still leaves its figures.
            var partial = Report.Build(options, machine, results, briefs, started, clock.Elapsed);
            File.WriteAllText(output, partial);
            Json.Write(Path.ChangeExtension(output, ".json"), results);
        }

        var markdown = Report.Build(options, machine, results, briefs, started, clock.Elapsed);
        File.WriteAllText(output, markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Log($"report written to {output} ({clock.Elapsed.TotalMinutes:N1} min)");
        return 0;
    }

    private static BriefResult MeasureBriefs(BenchOptions options, string root)
    {
        Log($"briefs: {options.BriefRepetitions} repetitions per series on 5,000-character zh and en articles");
        var briefs = Spawn<BriefResult>(options.Work, "briefs", "--root", root, "--work", options.Work, "--reps", Str(options.BriefRepetitions));
        foreach (var a in briefs.Articles)
        {
            Log($"briefs: {a.Label}: uncached p50 {a.Uncached.P50:N2} ms p99 {a.Uncached.P99:N2} ms; cached p50 {a.Cached.P50:N2} ms; " +
                $"first {a.FirstBriefMs:N0} ms");
        }

        return briefs;
    }

    private static int RunBriefsOnly(BenchOptions options, string root, string output, DateTimeOffset started, Stopwatch clock)
    {
        var briefs = MeasureBriefs(options, root);
        var markdown = Report.Build(options, MachineInfo.Collect(), [], briefs, started, clock.Elapsed);
        File.WriteAllText(output, markdown);
        Json.Write(Path.ChangeExtension(output, ".json"), briefs);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Log($"report written to {output} ({clock.Elapsed.TotalSeconds:N0} s)");
        return 0;
    }

    private static string Str(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Ingest runs in `cgt`, which turns profile-guided re-JIT off (src/CgtAtlas.Cli): the ingest children (both engines) do
    // the same, which cut the tiering thread's CPU by 7-13 % in a 10k ingest. The brief and query children keep the
    // default, as the long-running web workspace does; without it a brief of the English article took 23 ms, not 14.5.
    private static readonly Dictionary<string, string> CliJitSettings = new(StringComparer.Ordinal) { ["DOTNET_TieredPGO"] = "0" };

    private static T Spawn<T>(string dir, string mode, params string[] arguments)
    {
        var result = Path.Combine(dir, $"{mode}-{Guid.NewGuid():N}.json");
        var self = Environment.ProcessPath ?? "dotnet";
        var prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? new[] { typeof(Orchestrator).Assembly.Location } : [];
        var (exit, text) = ColdStart.RunProcess(self, prefix.Concat(["child", mode, "--result", result]).Concat(arguments),
            line => Console.Error.WriteLine(line), mode.StartsWith("ingest-", StringComparison.Ordinal) ? CliJitSettings : null);
        if (exit != 0 || !File.Exists(result))
        {
            throw new InvalidOperationException($"child '{mode}' failed with exit code {exit}:\n{text}");
        }

        var value = Json.Read<T>(result);
        File.Delete(result);
        return value;
    }

    public static string JiebaDictionary() => Path.Combine(AppContext.BaseDirectory, "data", "jieba", "dict.txt");

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CgtAtlas.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("cannot find the repository root (CgtAtlas.slnx) above the program or the current folder");
    }

    public static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss} load {MemorySampler.LoadAverage()}] {message}");
}

/// <summary>The measurements run in child processes.</summary>
internal static class Child
{
    public static int Run(string[] args)
    {
        var mode = args[0];
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            named[args[i]] = args[i + 1];
        }

        string Get(string name) => named.TryGetValue(name, out var v) ? v : throw new ArgumentException($"child {mode}: missing {name}");
        int Int(string name) => int.Parse(Get(name), CultureInfo.InvariantCulture);
        long Long(string name) => long.Parse(Get(name), CultureInfo.InvariantCulture);
        var result = Get("--result");
        switch (mode)
        {
            case "profile":
                Json.Write(result, IngestBenchmarks.RunProfile(Get("--corpus"), Get("--tokens")));
                break;
            case "ingest-baseline":
                Json.Write(result, IngestBenchmarks.RunBaseline(Get("--tokens"), Get("--db"), Int("--docs"), Long("--bytes")));
                break;
            case "ingest-cgtatlas":
                Json.Write(result, IngestBenchmarks.RunCgtAtlas(Get("--corpus"), Get("--db"), Long("--bytes")));
                break;
            case "store-profile":
                Json.Write(result, IngestBenchmarks.RunStoreProfile(Get("--corpus"), Get("--tokens"), Get("--db")));
                break;
            case "query":
                var vocabulary = Vocabulary.Build(Int("--seed"), Orchestrator.JiebaDictionary());
                Json.Write(result, QueryBenchmarks.Run(Get("--db"), Get("--baseline-db"), vocabulary, Int("--docs"), Int("--reps"), Int("--warmup"),
                    Int("--budget")));
                break;
            case "bigram":
                Json.Write(result, BigramExperiment.Run(Get("--corpus"), Get("--db"), Vocabulary.Build(Int("--seed"), Orchestrator.JiebaDictionary()), 5));
                break;
            case "briefs":
                Json.Write(result, BriefBenchmarks.Run(Get("--root"), Get("--work"), Int("--reps")));
                break;
            case "cold-profile":
                Json.Write(result, ColdStart.Profile(Get("--db"), Get("--query")));
                break;
            default:
                Console.Error.WriteLine($"unknown child mode '{mode}'");
                return 2;
        }

        return 0;
    }
}
