using System.Diagnostics;
using CgtAtlas.Search;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;

namespace CgtAtlas.Benchmarks;

/// <summary>Cold start of the real CLI: a new <c>dotnet cgt.dll search</c> process per run, wall time to exit.</summary>
internal static class ColdStart
{
    /// <summary>The queries timed: English glossary term, Chinese glossary term, and a Chinese phrase that needs jieba.</summary>
    public static readonly (string Label, string Query)[] Queries =
    [
        ("cgt search \"CAR-T\"", "CAR-T"),
        ("cgt search \"溶瘤病毒\" (glossary, no segmentation)", "溶瘤病毒"),
        ("cgt search \"细胞治疗产品获批上市\" (jieba segmentation)", "细胞治疗产品获批上市"),
    ];

    /// <summary>Publishes the CLI as the <c>cgt</c> script does (Release, ReadyToRun) into <paramref name="output"/> and returns the path of cgt.dll.</summary>
    public static string BuildCli(string repositoryRoot, string output, Action<string> log)
    {
        var project = Path.Combine(repositoryRoot, "src", "CgtAtlas.Cli", "CgtAtlas.Cli.csproj");
        log($"cold start: building the CLI (Release) into {output}");
        var (exit, stdout) = RunProcess("dotnet", ["publish", project, "-c", "Release", "--use-current-runtime", "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-v", "quiet", "-clp:ErrorsOnly"]);
        var dll = Path.Combine(output, "cgt.dll");
        if (exit != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"building the CLI failed (exit {exit}):\n{stdout}");
        }

        return dll;
    }

    public static List<ColdStartFigures> Measure(string cliDll, string database, int runs)
    {
        var results = new List<ColdStartFigures>();
        var cases = new List<(string Label, string[] Args)> { ("cgt --help (runtime + CLI floor, no library)", [cliDll, "--help"]) };
        cases.AddRange(Queries.Select(q => (q.Label, new[] { cliDll, "--db", database, "search", q.Query })));
        foreach (var (label, args) in cases)
        {
            var seconds = new double[runs];
            var exit = 0;
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                (exit, _) = RunProcess("dotnet", args);
                seconds[i] = clock.Elapsed.TotalSeconds;
            }

            results.Add(new ColdStartFigures(label, args.Skip(1).ToArray(), seconds, exit));
        }

        return results;
    }

    /// <summary>
    /// Runs in a fresh child process: what a cold search costs step by step without System.CommandLine and Spectre
    /// (runtime start to Main, text services, opening the store, first and second search).
    /// </summary>
    public static ColdProfile Profile(string database, string query)
    {
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var ms = new Dictionary<string, double>(StringComparer.Ordinal) { ["process start → Main"] = sinceStart.TotalMilliseconds };
        var t = Stopwatch.GetTimestamp();
        var text = TextServices.Load();
        ms["load text services (t2s, glossary)"] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        t = Stopwatch.GetTimestamp();
        using var library = new Library(SqliteLibraryStore.Open(database), text);
        ms["open library (SQLite init, migrations check)"] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        t = Stopwatch.GetTimestamp();
        library.Search(new SearchRequest { Query = query, Limit = 10 });
        ms["first Search (JIT, jieba if needed, cold SQLite cache)"] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        t = Stopwatch.GetTimestamp();
        library.Search(new SearchRequest { Query = query, Limit = 10 });
        ms["second Search (same process)"] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        return new ColdProfile(query, ms);
    }

    public static (int ExitCode, string Output) RunProcess(string fileName, IEnumerable<string> arguments, Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var output = new System.Text.StringBuilder();
        var gate = new Lock();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(e.Data);
            }

            onLine?.Invoke(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
