using System.Globalization;
using System.Text.Json;
using CgtAtlas.Storage.Sqlite;

namespace CgtAtlas.Core.Tests;

/// <summary>
/// A query with more matches than the store's rank window, through the CLI: the shells must say the total is an
/// estimate and the order is by recency, in the table and in JSON.
/// </summary>
public sealed class BroadSearchCliTests : IDisposable
{
    private static readonly string[] Topics = ["pricing", "manufacturing", "reimbursement", "trial design", "licensing", "safety"];
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-cli-broad-").FullName;

    private string Db => Path.Combine(_dir, "lib.db");

    private (int Code, string Out, string Err) Run(params string[] args) => CliRun.On(Db, args);

    public BroadSearchCliTests()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        var documents = SqliteLibraryStore.DefaultRankWindow + 30;
        for (var i = 0; i < documents; i++)
        {
            // Distinct wording per document so SimHash does not fold them into a few near-duplicate groups.
            var topic = Topics[i % Topics.Length];
            var title = i % 4 == 0 ? $"CAR-T {topic} brief {i}" : $"Cell therapy {topic} brief {i}";
            var body = string.Join(' ', Enumerable.Range(0, 12).Select(k => $"w{(i * 37 + k * 11) % 997}")) +
                $" The CAR-T programme number {i} reported {topic} news on day {i % 28 + 1}.";
            File.WriteAllText(Path.Combine(input, $"d{i:D3}.md"),
                $"---\ntitle: {title}\ndate: 2024-{i % 12 + 1:D2}-{i % 28 + 1:D2}\n---\n{body}\n");
        }

        Assert.Equal(0, Run("ingest", input, "--json").Code);
    }

    [Fact]
    public void Json_says_the_total_is_an_estimate_and_the_order_is_by_recency()
    {
        var (code, output, _) = Run("search", "CAR-T", "--limit", "5", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("totalIsEstimate").GetBoolean());
        Assert.Equal("recency", json.RootElement.GetProperty("rankedBy").GetString());
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > SqliteLibraryStore.DefaultRankWindow);
        Assert.Equal(5, json.RootElement.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public void The_table_says_about_and_explains_the_order()
    {
        var (code, output, _) = Run("search", "CAR-T", "--limit", "5");
        Assert.Equal(0, code);
        Assert.StartsWith("about ", output, StringComparison.Ordinal);
        Assert.Contains("Broad query: newest matches first", output, StringComparison.Ordinal);
        Assert.Contains("title", output, StringComparison.Ordinal);

        // Newest sort counts every match exactly and ranks by date, so neither mark appears.
        var newest = Run("search", "CAR-T", "--limit", "5", "--sort", "newest");
        Assert.DoesNotContain("about ", newest.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Broad query", newest.Out, StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "{0} document(s) match", SqliteLibraryStore.DefaultRankWindow + 30), newest.Out, StringComparison.Ordinal);
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
