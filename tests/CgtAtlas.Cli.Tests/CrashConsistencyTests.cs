using System.Diagnostics;
using CgtAtlas.Storage.Sqlite;

namespace CgtAtlas.Core.Tests;

/// <summary>Kills a real ingest process mid-run and checks the library is consistent and every stored document complete.</summary>
public sealed class CrashConsistencyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-crash-").FullName;

    [Fact]
    public void Killing_ingest_midway_leaves_only_complete_documents_and_a_resumable_library()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        var random = new Random(7);
        const int files = 3000;
        for (var i = 0; i < files; i++)
        {
            var paragraphs = Enumerable.Range(0, 6).Select(p =>
                $"第{p + 1}段：编号{i}的文档讨论CAR-T细胞治疗与基因治疗的进展，随机数{random.Next()}，患者{random.Next(10, 999)}例，价格{random.Next(50, 200)}万元。");
            File.WriteAllText(Path.Combine(input, $"doc{i:D5}.txt"), $"文档{i}\n\n" + string.Join("\n\n", paragraphs));
        }

        var db = Path.Combine(_dir, "lib.db");
        var cli = Path.Combine(AppContext.BaseDirectory, "cgt.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "--db", db, "ingest", input, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Wait until at least one batch is committed, then kill without warning (SIGKILL: no cleanup runs).
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && !process.HasExited && CountDocuments(db) == 0)
            {
                Thread.Sleep(50);
            }

            Assert.False(process.HasExited, "ingest finished before it could be interrupted; raise the file count");
            Thread.Sleep(150);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        int storedAfterCrash;
        using (var store = SqliteLibraryStore.Open(db))
        {
            Assert.Empty(store.CheckIntegrity());
            storedAfterCrash = store.GetStatistics().Documents;
            Assert.InRange(storedAfterCrash, 1, files - 1);
            Assert.Equal(storedAfterCrash * 6, store.GetStatistics().Paragraphs);
        }

        // Running the same ingest again completes the library without storing anything twice.
        using (var again = Process.Start(start)!)
        {
            _ = again.StandardOutput.ReadToEndAsync();
            _ = again.StandardError.ReadToEndAsync();
            again.WaitForExit();
            Assert.Equal(0, again.ExitCode);
        }

        using (var store = SqliteLibraryStore.Open(db))
        {
            Assert.Empty(store.CheckIntegrity());
            Assert.Equal(files, store.GetStatistics().Documents);
        }
    }

    [Fact]
    public async Task Ctrl_c_stops_after_the_current_document_with_exit_130_and_a_consistent_library()
    {
        var input = Path.Combine(_dir, "in-int");
        Directory.CreateDirectory(input);
        for (var i = 0; i < 3000; i++)
        {
            File.WriteAllText(Path.Combine(input, $"d{i:D5}.txt"), $"Title {i}\n\nParagraph one about CAR-T number {i}.\n\nParagraph two, value {i * 7}.");
        }

        var db = Path.Combine(_dir, "int.db");
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "cgt.dll"), "--db", db, "ingest", input, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited && CountDocuments(db) == 0)
        {
            Thread.Sleep(50);
        }

        Assert.False(process.HasExited, "ingest finished before it could be interrupted");
        using (var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(60_000), "ingest did not stop after Ctrl-C");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("\"cancelled\": true", await stdout, StringComparison.Ordinal);
        using var store = SqliteLibraryStore.Open(db);
        Assert.Empty(store.CheckIntegrity());
        var stats = store.GetStatistics();
        Assert.InRange(stats.Documents, 1, 2999);
        Assert.Equal(stats.Documents * 2, stats.Paragraphs);
    }

    private static int CountDocuments(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM documents";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
