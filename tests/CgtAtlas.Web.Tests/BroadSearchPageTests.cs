using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CgtAtlas.Web.Tests;

/// <summary>A workspace over more matching documents than the store ranks by relevance (its rank window).</summary>
public sealed class BroadLibraryFixture : WebApplicationFactory<Program>
{
    public BroadLibraryFixture()
    {
        Folder = Directory.CreateTempSubdirectory("cgt-web-broad-").FullName;
        DbPath = Path.Combine(Folder, "lib.db");
        var input = Directory.CreateDirectory(Path.Combine(Folder, "in")).FullName;
        Documents = SqliteLibraryStore.DefaultRankWindow + 25;
        for (var i = 0; i < Documents; i++)
        {
            // Every document mentions 基因治疗; word lists differ so no two are near-duplicates.
            var words = string.Join(' ', Enumerable.Range(0, 10).Select(k => $"t{(i * 53 + k * 7) % 1009}"));
            var title = i % 5 == 0 ? $"基因治疗 月报 {i}" : $"行业 动态 {i}";
            File.WriteAllText(Path.Combine(input, $"n{i:D3}.md"),
                $"---\ntitle: {title}\ndate: 2025-{i % 12 + 1:D2}-{i % 27 + 1:D2}\n---\n第{i}期：基因治疗领域的进展 {words}。\n");
        }

        using var library = new Library(SqliteLibraryStore.Open(DbPath), TextServices.Default);
        var stored = library.Ingest([input]).Documents.Count;
        if (stored != Documents)
        {
            throw new InvalidOperationException($"fixture ingest stored {stored} of {Documents} documents");
        }
    }

    public string Folder { get; }

    public string DbPath { get; }

    public int Documents { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cgt:Db", DbPath);
        builder.UseSetting("Cgt:Token", WebFixture.Token);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class BroadSearchPageTests(BroadLibraryFixture web) : IClassFixture<BroadLibraryFixture>
{
    [Fact]
    public async Task A_broad_query_says_why_the_order_is_by_date()
    {
        var html = await web.CreateClient().GetStringAsync("/search?q=" + Uri.EscapeDataString("基因治疗"));
        Assert.Contains("id=\"recency-note\"", html, StringComparison.Ordinal);

        // The page reads far more matches than the window for its facets, so on a library this size it reached the last
        // match and the count is exact (an estimate says "about").
        Assert.Contains($"id=\"result-count\">{web.Documents} documents<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_narrow_query_or_the_newest_sort_counts_exactly_without_the_note()
    {
        var client = web.CreateClient();
        var narrow = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("基因治疗 月报"));
        Assert.DoesNotContain("recency-note", narrow, StringComparison.Ordinal);
        Assert.Contains($"id=\"result-count\">{(web.Documents + 4) / 5} documents<", narrow, StringComparison.Ordinal);

        var newest = await client.GetStringAsync("/search?sort=newest&q=" + Uri.EscapeDataString("基因治疗"));
        Assert.DoesNotContain("recency-note", newest, StringComparison.Ordinal);
        Assert.Contains($"id=\"result-count\">{web.Documents} documents<", newest, StringComparison.Ordinal);
    }
}
