using System.Globalization;
using System.Text.Json;
using CgtAtlas.Insights;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using Xunit.Abstractions;

namespace CgtAtlas.Core.Tests;

/// <summary>The sample corpus in a temporary library, ingested once for all brief tests.</summary>
public sealed class BriefCorpusFixture : IDisposable
{
    public BriefCorpusFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cgt-brief-").FullName;
        DbPath = Path.Combine(Directory, "lib.db");
        using var library = new Library(SqliteLibraryStore.Open(DbPath), TextServices.Default);
        var report = library.Ingest([TestPaths.Corpus]);
        Ids = report.Documents.Select(d => d.Id).Order().ToList();
    }

    public string Directory { get; }

    public string DbPath { get; }

    public IReadOnlyList<long> Ids { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class BriefCliTests(BriefCorpusFixture corpus, ITestOutputHelper output) : IClassFixture<BriefCorpusFixture>
{
    private (int Code, string Out, string Err) Run(params string[] args) => CliRun.On(corpus.DbPath, args);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Every_corpus_brief_has_citation_integrity_in_both_languages()
    {
        using var store = SqliteLibraryStore.Open(corpus.DbPath);
        using var library = new Library(store, TextServices.Default);
        int briefs = 0, bullets = 0, tooLittle = 0;
        var failures = new List<string>();
        foreach (var id in corpus.Ids)
        {
            var document = library.GetDocument(id)!;
            foreach (var lang in new[] { "en", "zh" })
            {
                var brief = library.GetBrief(id, lang)!;
                briefs++;
                Assert.Equal(lang, brief.Language);
                if (brief.Note is not null)
                {
                    tooLittle++;
                    output.WriteLine($"too little: {id} {document.Title}");
                    continue;
                }

                // A CGT document (the sample corpus is CGT news, except the two off-topic items) gets at least two sections.
                if (brief.Sections.Count < 2)
                {
                    failures.Add($"{id} ({lang}): {brief.Sections.Count} section(s): {document.Title}");
                }

                var order = brief.Sections.Select(s => SectionClassifier.Index(s.Key)).ToList();
                Assert.Equal(order.Order().ToList(), order);
                foreach (var bullet in brief.Sections.SelectMany(s => s.Bullets))
                {
                    bullets++;
                    foreach (var problem in CitationVerifier.Check(bullet, document.Paragraphs))
                    {
                        failures.Add($"{id} ({lang}): {problem}: {bullet.CitedText}");
                    }

                    Assert.All(bullet.Citations, n => Assert.InRange(n, 1, document.Paragraphs.Count));
                }
            }
        }

        output.WriteLine($"{briefs} briefs over {corpus.Ids.Count} documents, {bullets} bullets verified, {tooLittle} too little to summarise");
        Assert.True(corpus.Ids.Count >= 50);
        Assert.True(tooLittle <= 6, $"{tooLittle} briefs say too little");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Brief_json_text_markdown_and_chinese()
    {
        var id = Id(corpus.Ids[^1]);
        var json = Run("brief", id, "--json");
        Assert.Equal(0, json.Code);
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        var sections = root.GetProperty("sections");
        Assert.True(sections.GetArrayLength() >= 2);
        Assert.Equal("core-insights", sections[0].GetProperty("key").GetString());
        var bullet = sections[0].GetProperty("bullets")[0];
        foreach (var name in new[] { "text", "citations", "facts" })
        {
            Assert.True(bullet.TryGetProperty(name, out _), name);
        }

        var text = Run("brief", id);
        Assert.Equal(0, text.Code);
        Assert.Contains("Core Insights", text.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^- .+\[\d+\]$", text.Out);

        var md = Run("brief", id, "--format", "md");
        Assert.Contains("## Core Insights", md.Out, StringComparison.Ordinal);

        var zh = Run("brief", id, "--lang", "zh");
        Assert.Equal(0, zh.Code);
        Assert.Contains("核心观点", zh.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Briefs_are_cached_and_recomputed_when_the_key_changes()
    {
        var id = corpus.Ids[0];
        Assert.Equal(0, Run("brief", Id(id)).Code);
        using var store = SqliteLibraryStore.Open(corpus.DbPath);
        using var cache = SqliteBriefCache.For(store);
        var document = store.GetDocument(id, includeParagraphs: false)!;
        var key = new BriefCacheKey(id, document.ContentHash, CgtAtlas.Facts.FactExtractor.Version, BriefComposer.Version, "en");
        var cached = cache.TryGet(key);
        Assert.NotNull(cached);
        Assert.Null(cache.TryGet(key with { ContentHash = "changed" }));
        Assert.Null(cache.TryGet(key with { ExtractorVersion = key.ExtractorVersion + 1 }));
        Assert.Null(cache.TryGet(key with { ComposerVersion = key.ComposerVersion + 1 }));
        Assert.Null(cache.TryGet(key with { Language = "zh" }) is { Language: "en" } ? cached : null);

        // A stale row is replaced, not duplicated, and the library serves what the cache holds for the current key.
        var marker = cached with { Title = "from cache" };
        cache.Put(key, marker);
        using var library = new Library(SqliteLibraryStore.Open(corpus.DbPath), TextServices.Default) { BriefCache = cache };
        Assert.Equal("from cache", library.GetBrief(id, "en")!.Title);
        cache.Put(key with { ComposerVersion = 0 }, marker);
        Assert.NotEqual("from cache", library.GetBrief(id, "en")!.Title);

        // Reported, not asserted: a cached brief is one primary-key read and a JSON parse.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            library.GetBrief(id, "en");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cached brief: {watch.Elapsed.TotalMilliseconds / 20:F2} ms"));
    }

    [Fact]
    public void An_edited_document_and_a_new_extractor_version_get_a_recomputed_brief()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("cgt-brief-edit-").FullName;
        try
        {
            static string Article(string title, int products) => $"""
                ---
                title: {title}
                date: 2025-09-18
                ---

                China has approved {products} cell and gene therapy products so far, most of them CAR-T therapies, according to the NMPA.

                The CDE accepted 120 clinical trial applications for gene therapies in 2024, up 30% from a year earlier.

                Prices remain a sticking point: a single CAR-T infusion costs about 1.2 million yuan, and few patients are insured.

                Analysts expect the market to reach 10 billion yuan by 2030 as in vivo CAR-T and gene editing mature.
                """;
            var original = Path.Combine(folder, "original.md");
            var edited = Path.Combine(folder, "edited.md");
            File.WriteAllText(original, Article("CGT approvals in China", 14));
            File.WriteAllText(edited, Article("CGT approvals in China, corrected", 15));
            var db = Path.Combine(folder, "lib.db");
            using var store = SqliteLibraryStore.Open(db);
            using var cache = SqliteBriefCache.For(store);
            using var library = new Library(store, TextServices.Default) { BriefCache = cache };
            var first = Assert.Single(library.Ingest([original]).Documents).Id;
            var before = library.GetBrief(first, "en")!;

            // Documents are immutable: the edited text is a new document with its own id and content hash, so its
            // brief is computed from the new text, and the original's cached brief stays valid for the original.
            var second = Assert.Single(library.Ingest([edited]).Documents).Id;
            Assert.NotEqual(first, second);
            var after = library.GetBrief(second, "en")!;
            Assert.Equal("CGT approvals in China, corrected", after.Title);
            Assert.Contains(after.Sections.SelectMany(s => s.Bullets), b => b.Text.Contains("15", StringComparison.Ordinal));
            Assert.DoesNotContain(after.Sections.SelectMany(s => s.Bullets), b => b.Text.Contains("14", StringComparison.Ordinal));
            Assert.Equal(BriefRenderer.ToJson(before), BriefRenderer.ToJson(library.GetBrief(first, "en")!));

            // A row written by an older extractor is not served: the brief is recomputed and the row replaced.
            var document = store.GetDocument(first, includeParagraphs: false)!;
            var key = new BriefCacheKey(first, document.ContentHash, CgtAtlas.Facts.FactExtractor.Version, BriefComposer.Version, "en");
            cache.Put(key with { ExtractorVersion = key.ExtractorVersion - 1 }, before with { Title = "stale" });
            Assert.Equal(before.Title, library.GetBrief(first, "en")!.Title);
            Assert.NotNull(cache.TryGet(key));
            Assert.Null(cache.TryGet(key with { ExtractorVersion = key.ExtractorVersion - 1 }));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Facts_json_has_the_documented_fields()
    {
        var id = corpus.Ids.First(i => Run("facts", Id(i), "--json").Out.Contains("\"kind\"", StringComparison.Ordinal));
        var result = Run("facts", Id(id), "--json");
        Assert.Equal(0, result.Code);
        using var doc = JsonDocument.Parse(result.Out);
        var fact = doc.RootElement.GetProperty("facts")[0];
        foreach (var name in new[] { "kind", "value", "unit", "qualifier", "modality", "region", "agency", "product", "company", "date", "paragraph", "evidence" })
        {
            Assert.True(fact.TryGetProperty(name, out _), name);
        }
    }

    [Theory]
    [InlineData("brief", "999999")]
    [InlineData("facts", "999999")]
    public void Unknown_id_exits_1(params string[] args)
    {
        var result = Run(args);
        Assert.Equal(1, result.Code);
        Assert.Contains("no document", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("brief", "1", "--lang", "fr")]
    [InlineData("brief", "1", "--format", "pdf")]
    [InlineData("brief")]
    public void Bad_usage_exits_2(params string[] args) => Assert.Equal(2, Run(args).Code);
}
