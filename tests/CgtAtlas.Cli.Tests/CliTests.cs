using System.Text.Json;

namespace CgtAtlas.Core.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-cli-").FullName;

    private string Db => Path.Combine(_dir, "lib.db");

    private (int Code, string Out, string Err) Run(params string[] args) => CliRun.On(Db, args);

    [Fact]
    public void Ingest_search_show_round_trip_with_json_shapes()
    {
        var ingest = Run("ingest", TestPaths.Corpus, "--collection", "CGT产品", "--json");
        Assert.Equal(0, ingest.Code);
        using var report = JsonDocument.Parse(ingest.Out);
        var documents = report.RootElement.GetProperty("documents");
        Assert.True(documents.GetArrayLength() >= 40);
        foreach (var name in new[] { "id", "path", "title", "language", "paragraphs" })
        {
            Assert.True(documents[0].TryGetProperty(name, out _), name);
        }

        Assert.True(report.RootElement.GetProperty("duplicates")[0].TryGetProperty("duplicateOf", out _));
        Assert.Equal(0, report.RootElement.GetProperty("failed").GetArrayLength());

        var search = Run("search", "溶瘤病毒 OR oncolytic", "--limit", "3", "--json");
        Assert.Equal(0, search.Code);
        using var results = JsonDocument.Parse(search.Out);
        Assert.True(results.RootElement.GetProperty("total").GetInt32() >= 3);
        Assert.False(results.RootElement.GetProperty("totalIsEstimate").GetBoolean());
        Assert.Equal("relevance", results.RootElement.GetProperty("rankedBy").GetString());
        var hit = results.RootElement.GetProperty("hits")[0];
        foreach (var name in new[] { "id", "title", "score", "snippet", "published", "language" })
        {
            Assert.True(hit.TryGetProperty(name, out _), name);
        }

        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);

        var show = Run("show", hit.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal(0, show.Code);
        using var document = JsonDocument.Parse(show.Out);
        var paragraph = document.RootElement.GetProperty("paragraphs")[0];
        Assert.Equal(1, paragraph.GetProperty("n").GetInt32());
        Assert.True(paragraph.TryGetProperty("language", out _));
        Assert.Contains("CGT产品", document.RootElement.GetProperty("collections").EnumerateArray().Select(e => e.GetString()));

        // Re-ingesting is a no-op: everything is reported as a duplicate and the exit code is still 0.
        var again = Run("ingest", TestPaths.Corpus, "--json");
        Assert.Equal(0, again.Code);
        using var againReport = JsonDocument.Parse(again.Out);
        Assert.Equal(0, againReport.RootElement.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void Partial_failure_exits_1_and_names_each_bad_file()
    {
        var result = Run("ingest", TestPaths.Bad);
        Assert.Equal(1, result.Code);
        foreach (var name in new[] { "empty.txt", "binary-junk.txt", "truncated.pdf", "unsupported.docx" })
        {
            Assert.Contains(name, result.Err, StringComparison.Ordinal);
        }

        Assert.Equal(0, Run("info", "--check").Code);
    }

    [Theory]
    [InlineData("search", "\"unclosed")]
    [InlineData("search", "a OR")]
    [InlineData("frobnicate")]
    [InlineData("search")]
    [InlineData("show", "not-a-number")]
    public void Usage_and_query_errors_exit_2_with_a_message(params string[] args)
    {
        Run("ingest", Path.Combine(TestPaths.Corpus, "notices"));
        var result = Run(args);
        Assert.Equal(2, result.Code);
        Assert.StartsWith("cgt:", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_json_errors_are_json_with_the_same_exit_code()
    {
        var missing = Run("search", "CAR-T", "--json");
        Assert.Equal(1, missing.Code);
        Assert.Contains("no library", JsonDocument.Parse(missing.Err).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);

        Run("ingest", Path.Combine(TestPaths.Corpus, "notices"));
        var syntax = Run("search", "a OR", "--json");
        Assert.Equal(2, syntax.Code);
        Assert.Empty(syntax.Out);
        Assert.Contains("invalid query", JsonDocument.Parse(syntax.Err).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);

        var paging = Run("search", "CAR-T", "--limit", "0", "--json");
        Assert.Equal(2, paging.Code);
        Assert.Contains("--limit", JsonDocument.Parse(paging.Err).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_json_snippets_are_plain_text_with_marks()
    {
        Run("ingest", TestPaths.Corpus);
        var search = Run("search", "CAR-T OR 溶瘤病毒 OR 基因", "--limit", "50", "--json");
        Assert.Equal(0, search.Code);
        var snippets = JsonDocument.Parse(search.Out).RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("snippet").GetString() ?? string.Empty).ToList();
        Assert.Contains(snippets, s => s.Contains("<mark>", StringComparison.Ordinal));
        Assert.All(snippets, s => Assert.DoesNotMatch("&(quot|amp|lt|gt|#\\d+);", s));
    }

    [Fact]
    public void Missing_library_and_document_are_reported()
    {
        var missing = Run("search", "CAR-T");
        Assert.Equal(1, missing.Code);
        Assert.Contains("no library", missing.Err, StringComparison.Ordinal);

        Run("ingest", Path.Combine(TestPaths.Corpus, "notices"));
        var show = Run("show", "9999");
        Assert.Equal(1, show.Code);
        Assert.Contains("no document with id 9999", show.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_library_is_refused_and_left_untouched()
    {
        File.WriteAllText(Db, "this is not a database, it is someone's notes");
        var result = Run("ingest", Path.Combine(TestPaths.Corpus, "notices"));
        Assert.Equal(1, result.Code);
        Assert.Contains("not a CgtAtlas library", result.Err, StringComparison.Ordinal);
        Assert.Equal("this is not a database, it is someone's notes", File.ReadAllText(Db));
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
