using System.Diagnostics;

namespace CgtAtlas.Core.Tests;

/// <summary>
/// Real <c>cgt search</c> processes with jieba's saved start-up off, being written, being read and damaged: the results of
/// queries that need segmentation must not depend on it.
/// </summary>
public sealed class SegmenterSnapshotCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Search_results_are_the_same_without_a_snapshot_when_writing_one_when_reading_it_and_when_it_is_damaged()
    {
        var db = Path.Combine(_dir, "lib.db");
        Assert.Equal(0, CliRun.On(db, "ingest", TestPaths.Corpus, "--json").Code);
        var cache = Path.Combine(_dir, "cache");
        string[] queries = ["细胞治疗产品获批上市", "国产嵌合抗原受体T细胞疗法价格", "溶瘤病毒联合免疫检查点抑制剂"];

        foreach (var query in queries)
        {
            var plain = Search(db, query, cacheDirectory: "off");
            Assert.Contains("\"hits\"", plain);
            Assert.Equal(plain, Search(db, query, cache));
            var snapshot = Assert.Single(Directory.GetFiles(cache, "jieba-*.snapshot"));
            var written = File.GetLastWriteTimeUtc(snapshot);
            Assert.Equal(plain, Search(db, query, cache));
            Assert.Equal(written, File.GetLastWriteTimeUtc(snapshot)); // read, not rewritten

            var bytes = File.ReadAllBytes(snapshot);
            File.WriteAllBytes(snapshot, bytes[..(bytes.Length / 3)]);
            Assert.Equal(plain, Search(db, query, cache));
            Assert.Equal(bytes.Length, new FileInfo(snapshot).Length); // a damaged file is replaced by a good one
        }
    }

    [Fact]
    public void An_ingest_that_stores_documents_leaves_the_snapshot_for_the_first_search()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(input, "a.md"), "---\ntitle: 细胞治疗\n---\n国家药监局批准了一款细胞治疗产品。\n");
        var cache = Path.Combine(_dir, "cache-ingest");
        Cgt(cache, "--db", Path.Combine(_dir, "ingest.db"), "ingest", input, "--json");
        Assert.Single(Directory.GetFiles(cache, "jieba-*.snapshot"));
    }

    private static string Search(string db, string query, string cacheDirectory) =>
        Cgt(cacheDirectory, "--db", db, "search", query, "--json");

    private static string Cgt(string cacheDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "cgt.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CGT_CACHE_DIR"] = cacheDirectory;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"cgt {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
