using System.Diagnostics;
using System.Text.Json;

namespace CgtAtlas.Benchmarks;

/// <summary>Memory figures of one child process, taken at the end of its measured work.</summary>
internal sealed record MemoryFigures(
    double CpuSeconds,
    string LoadAverage,
    long PeakWorkingSetBytes,
    long PeakManagedBytesSampled,
    long GcHeapSizeBytes,
    long GcCommittedBytes,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2);

/// <summary>Result of one ingest (CgtAtlas or the raw FTS5 baseline) over one corpus.</summary>
internal sealed record IngestResult(
    string Engine,
    int Documents,
    long InputBytes,
    double Seconds,
    MemoryFigures Memory,
    long DatabaseBytes,
    int Stored,
    int Failed,
    int Duplicates,
    int NearDuplicates,
    Dictionary<string, double> Sections)
{
    public double MegabytesPerSecond => InputBytes / 1e6 / Seconds;

    public double DocumentsPerSecond => Documents / Seconds;
}

/// <summary>Time spent in each step of the ingest pipeline, re-run step by step outside SQLite (see <see cref="IngestProfile"/>).</summary>
internal sealed record ProfileResult(int Documents, long InputBytes, long TokenCount, long IndexChars, int NearDuplicates, Dictionary<string, double> Seconds);

/// <summary>Latency summary in milliseconds.</summary>
internal sealed record LatencyStats(int Samples, double Mean, double P50, double P95, double P99, double Max)
{
    public static LatencyStats From(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new LatencyStats(sorted.Length, sorted.Average(), Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>One query of the mix with its latencies.</summary>
internal sealed record QueryFigures(
    string Category,
    string Query,
    string Match,
    int Total,
    int Matches,
    LatencyStats CgtAtlas,
    LatencyStats Raw,
    LatencyStats RawBaselineDb,
    Dictionary<string, double> StageP50,
    string RankedBy = "relevance")
{
    public double Ratio => CgtAtlas.P50 / Raw.P50;
}

/// <summary>Query latency over the whole mix for one corpus size.</summary>
internal sealed record QueryResult(int Documents, int Repetitions, int Warmup, List<QueryFigures> Queries, LatencyStats CgtAtlas, LatencyStats Raw,
    LatencyStats RawBaselineDb, Dictionary<string, double> StageP50Sum, List<string> Errors, string LoadAverage);

/// <summary>Wall time of one CLI invocation, several runs.</summary>
internal sealed record ColdStartFigures(string Label, string[] Arguments, double[] Seconds, int ExitCode)
{
    public double Median => LatencyStats.Percentile(Seconds.Order().ToArray(), 50);
}

/// <summary>Where a cold `cgt search` spends its time, measured inside a fresh process.</summary>
internal sealed record ColdProfile(string Query, Dictionary<string, double> Milliseconds);

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(string path, T value) => File.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"empty result file {path}");
}

/// <summary>
/// Samples the managed heap and working set every 20 ms on a background thread, so the peak between GCs is caught;
/// the OS's own high-water mark (VmHWM, <see cref="Process.PeakWorkingSet64"/>) covers native memory such as SQLite's cache.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
    private readonly int _gen0 = GC.CollectionCount(0);
    private readonly int _gen1 = GC.CollectionCount(1);
    private readonly int _gen2 = GC.CollectionCount(2);
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly string _loadAtStart = LoadAverage();
    private volatile bool _stop;
    private long _peakManaged;

    public MemorySampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    private void Run()
    {
        while (!_stop)
        {
            var managed = GC.GetTotalMemory(forceFullCollection: false);
            if (managed > _peakManaged)
            {
                _peakManaged = managed;
            }

            Thread.Sleep(20);
        }
    }

    public MemoryFigures Stop()
    {
        _stop = true;
        _thread.Join();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemoryFigures(
            (process.TotalProcessorTime - _cpuAtStart).TotalSeconds,
            $"{_loadAtStart} → {LoadAverage()}",
            process.PeakWorkingSet64,
            Math.Max(_peakManaged, GC.GetTotalMemory(false)),
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart,
            GC.CollectionCount(0) - _gen0,
            GC.CollectionCount(1) - _gen1,
            GC.CollectionCount(2) - _gen2);
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    /// <summary>The 1-minute load average (Linux), to flag runs disturbed by other work on the machine.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}

/// <summary>Accumulates time per named section (Stopwatch ticks, no allocation per measurement).</summary>
internal sealed class Sections
{
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string name, long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        if (_ticks.TryGetValue(name, out var current))
        {
            _ticks[name] = current + elapsed;
        }
        else
        {
            _ticks[name] = elapsed;
            _order.Add(name);
        }
    }

    public void Record(string name, double seconds)
    {
        if (!_ticks.ContainsKey(name))
        {
            _order.Add(name);
        }

        _ticks[name] = (long)(seconds * Stopwatch.Frequency);
    }

    public Dictionary<string, double> ToSeconds() =>
        _order.ToDictionary(name => name, name => _ticks[name] / (double)Stopwatch.Frequency, StringComparer.Ordinal);
}

/// <summary>The CLI's whole ingest command: wall time, documents stored, automatic tag rows written.</summary>
internal sealed record CliIngestResult(double Seconds, int Documents, int Tags);
