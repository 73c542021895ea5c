using CgtAtlas.Documents;
using CgtAtlas.Ingest;

namespace CgtAtlas.Core.Tests;

public sealed class LibraryIngestTests
{
    private const string Story = """
        国家药品监督管理局近日通过优先审评审批程序批准波哌达可基注射液上市，用于治疗成年中度至重度血友病B患者。这是我国首个获批上市的血友病B基因治疗产品。

        该产品以腺相关病毒为载体，在肝脏中表达凝血因子IX，单次给药即可长期维持因子活性，显著减少患者出血事件和预防性输注次数。

        业内人士指出，基因治疗产品定价高昂，如何纳入医保和商业保险体系，将决定其在国内的可及性和市场前景，相关讨论仍在进行。
        """;

    [Fact]
    public void Stores_documents_with_numbered_paragraphs_and_metadata()
    {
        using var temp = new TempLibrary();
        var path = temp.Write("a.md", "---\ntitle: 血友病B基因治疗获批\ndate: 2025-04-10\nsource: 测试\n---\n" + Story);
        var report = temp.Library.Ingest([path], new IngestOptions { Collections = ["CGT产品"] });

        var stored = Assert.Single(report.Documents);
        var document = temp.Library.GetDocument(stored.Id)!;
        Assert.Equal("血友病B基因治疗获批", document.Title);
        Assert.Equal(new DateOnly(2025, 4, 10), document.Published);
        Assert.Equal(Language.Zh, document.Language);
        Assert.Equal(["CGT产品"], document.Collections);
        Assert.Equal([1, 2, 3], document.Paragraphs.Select(p => p.Number));
        Assert.Equal(path, document.OriginPath);
        Assert.Matches("^[0-9a-f]{64}$", document.ContentHash);
    }

    [Fact]
    public void Reingesting_is_a_noop_and_exact_copies_are_reported()
    {
        using var temp = new TempLibrary();
        var a = temp.Write("a.txt", "标题\n\n" + Story);
        var copy = temp.Write("sub/copy.txt", "标题\n\n" + Story);
        var first = temp.Library.Ingest([a]);
        var second = temp.Library.Ingest([a, copy], new IngestOptions { Collections = ["Later"] });

        Assert.Single(first.Documents);
        Assert.Empty(second.Documents);
        Assert.Equal(2, second.Duplicates.Count);
        Assert.All(second.Duplicates, d => Assert.Equal(first.Documents[0].Id, d.DuplicateOf));
        Assert.Equal(1, temp.Library.Store.GetStatistics().Documents);
        // The duplicate's collection is added to the stored copy rather than lost.
        Assert.Contains("Later", temp.Library.GetDocument(first.Documents[0].Id)!.Collections);
    }

    [Fact]
    public void Paragraph_numbers_are_stable_across_libraries()
    {
        using var one = new TempLibrary();
        using var two = new TempLibrary();
        var pathOne = one.Write("a.txt", "标题\n\n" + Story);
        var pathTwo = two.Write("a.txt", "标题\n\n" + Story);
        var a = one.Library.GetDocument(one.Library.Ingest([pathOne]).Documents[0].Id)!;
        var b = two.Library.GetDocument(two.Library.Ingest([pathTwo]).Documents[0].Id)!;
        Assert.Equal(a.Paragraphs, b.Paragraphs);
    }

    [Fact]
    public void Syndicated_copy_is_linked_to_the_first_and_collapsed_in_search()
    {
        using var temp = new TempLibrary();
        var original = temp.Write("original.txt", "原文标题\n\n" + Story);
        var syndicated = temp.Write("syndicated.txt", "转载：另一家媒体\n\n（来源：某医药网）\n\n" +
            Story.Replace("显著减少患者出血事件", "明显减少了患者的出血事件", StringComparison.Ordinal));
        var unrelated = temp.Write("other.txt", "另一篇\n\n" + string.Concat(Enumerable.Repeat(
            "科济药业的CAR-T产品泽沃基奥仑赛注射液用于治疗复发难治多发性骨髓瘤，其临床数据在国际会议上公布，总缓解率较高，患者耐受性良好。", 3)));
        var report = temp.Library.Ingest([original, syndicated, unrelated]);

        var originalId = report.Documents.Single(d => d.Path == original).Id;
        Assert.Equal(originalId, report.Documents.Single(d => d.Path == syndicated).NearDuplicateOf);
        Assert.Null(report.Documents.Single(d => d.Path == unrelated).NearDuplicateOf);

        var results = temp.Library.Search(new() { Query = "血友病" });
        var hit = Assert.Single(results.Hits);
        Assert.Equal(1, results.Total);
        Assert.Equal(1, hit.CollapsedCopies);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_original_heads_its_group_even_when_a_reprint_was_ingested_first(bool separateRuns)
    {
        using var temp = new TempLibrary();
        var reprint = temp.Write("reprint.md", "---\ntitle: 转载稿\ndate: 2025-04-12\n---\n\n" +
            Story.Replace("显著减少患者出血事件", "明显减少了患者的出血事件", StringComparison.Ordinal));
        var original = temp.Write("original.md", "---\ntitle: 原文\ndate: 2025-04-10\nsource: 某医药媒体\nurl: https://example.org/a\n---\n\n" + Story);
        var later = temp.Write("later.md", "---\ntitle: 再转载\ndate: 2025-04-20\n---\n\n" +
            Story.Replace("显著减少患者出血事件", "减少了患者的出血事件", StringComparison.Ordinal));

        var ids = new Dictionary<string, long>();
        var (nearDuplicates, regrouped) = (0, 0);
        foreach (var batch in separateRuns ? [[reprint], [original], [later]] : new[] { new[] { reprint, original, later } })
        {
            var report = temp.Library.Ingest(batch);
            foreach (var d in report.Documents)
            {
                ids[d.Path] = d.Id;
            }

            (nearDuplicates, regrouped) = (nearDuplicates + report.NearDuplicates, regrouped + report.Regrouped);
        }

        // The later reprint was linked when stored; the first one became a near-duplicate when the original arrived.
        Assert.Equal((1, 1), (nearDuplicates, regrouped));
        Assert.Equal(nearDuplicates + regrouped, temp.Library.Store.GetStatistics().NearDuplicates);

        Assert.Null(temp.Library.GetDocument(ids[original])!.NearDuplicateOf);
        Assert.Equal(ids[original], temp.Library.GetDocument(ids[reprint])!.NearDuplicateOf);
        Assert.Equal(ids[original], temp.Library.GetDocument(ids[later])!.NearDuplicateOf);
        var hit = Assert.Single(temp.Library.Search(new() { Query = "血友病" }).Hits);
        Assert.Equal(ids[original], hit.Id);
        Assert.Equal(2, hit.CollapsedCopies);
    }

    [Fact]
    public void Bad_inputs_fail_one_by_one_and_good_ones_are_kept()
    {
        using var temp = new TempLibrary();
        var good = temp.Write("good.txt", "标题\n\n" + Story);
        var empty = temp.Write("empty.txt", string.Empty);
        var unsupported = temp.Write("x.docx", "PK");
        var junk = Path.Combine(temp.Directory, "in", "junk.txt");
        File.WriteAllBytes(junk, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray());
        var huge = Path.Combine(temp.Directory, "in", "huge.txt");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        var report = temp.Library.Ingest([good, empty, unsupported, junk, huge, Path.Combine(temp.Directory, "missing.txt")]);
        Assert.Single(report.Documents);
        var errors = report.Failed.ToDictionary(f => Path.GetFileName(f.Path), f => f.Error);
        Assert.Contains("empty", errors["empty.txt"], StringComparison.Ordinal);
        Assert.Contains("unsupported file type '.docx'", errors["x.docx"], StringComparison.Ordinal);
        Assert.Contains("binary", errors["junk.txt"], StringComparison.Ordinal);
        Assert.Contains("200.0 MiB, over the 64 MiB limit", errors["huge.txt"], StringComparison.Ordinal);
        Assert.Contains("no such file", errors["missing.txt"], StringComparison.Ordinal);
        Assert.Empty(temp.Library.Store.CheckIntegrity());
    }

    [Fact]
    public void Shipped_bad_samples_each_fail_with_a_message_naming_the_problem()
    {
        using var temp = new TempLibrary();
        var report = temp.Library.Ingest([TestPaths.Bad]);
        Assert.All(report.Failed, f => Assert.False(string.IsNullOrWhiteSpace(f.Error)));
        var failedNames = report.Failed.Select(f => Path.GetFileName(f.Path)).ToHashSet();
        foreach (var name in new[] { "empty.txt", "binary-junk.txt", "truncated.pdf", "invalid-utf8.txt", "deeply-nested.html", "unsupported.docx", "whitespace-only.md" })
        {
            Assert.Contains(name, failedNames);
        }

        // The hostile page has one real paragraph: it is stored as text only.
        var hostile = report.Documents.SingleOrDefault(d => d.Path.EndsWith("hostile.html", StringComparison.Ordinal));
        Assert.NotNull(hostile);
        var text = string.Join("\n", temp.Library.GetDocument(hostile!.Id)!.Paragraphs.Select(p => p.Text));
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(temp.Library.Store.CheckIntegrity());
    }

    [Fact]
    public void Streamed_run_passes_the_same_documents_in_input_order_and_keeps_none()
    {
        using var listed = new TempLibrary();
        using var streamed = new TempLibrary();
        var expected = listed.Library.Ingest([TestPaths.Corpus]);
        var received = new List<IngestedDocument>();
        var report = streamed.Library.Ingest([TestPaths.Corpus], onStored: received.Add);

        Assert.Empty(report.Documents);
        Assert.Equal(expected.Documents.Count, report.Stored);
        Assert.Equal(expected.Documents.Count(d => d.NearDuplicateOf is not null), report.NearDuplicates);
        // The callback also gets each document's text (for tagging without a read-back); the report's list does not keep it.
        Assert.Equal(expected.Documents, received.Select(d => d with { Content = null }));
        Assert.All(expected.Documents, d => Assert.Null(d.Content));
        Assert.All(received, d => Assert.Equal((d.Title, d.Paragraphs), (d.Content!.Title, d.Content.Paragraphs.Count)));
        Assert.Equal(received.Select(d => d.Id).Order(), received.Select(d => d.Id));
    }

    [Fact]
    public void Cancelling_stores_exactly_the_inputs_reported_before_it()
    {
        using var temp = new TempLibrary();
        var paths = Enumerable.Range(1, 6).Select(i => temp.Write($"{i}.txt", $"标题{i}\n\n第{i}篇。" + Story)).ToList();
        using var cancel = new CancellationTokenSource();
        var done = 0;
        var progress = new InlineProgress(p =>
        {
            done = p.Done;
            if (p.Done == 2)
            {
                cancel.Cancel();
            }
        });
        var report = temp.Library.Ingest(paths, progress: progress, cancellationToken: cancel.Token);

        Assert.True(report.Cancelled);
        Assert.Equal(2, done);
        Assert.Equal(paths.Take(2), report.Documents.Select(d => d.Path));
        Assert.Equal(2, temp.Library.Store.GetStatistics().Documents);
        Assert.Empty(temp.Library.Store.CheckIntegrity());
    }

    private sealed class InlineProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    [Fact]
    public void Whole_sample_corpus_ingests_without_failures()
    {
        using var temp = new TempLibrary();
        var report = temp.Library.Ingest([TestPaths.Corpus]);
        Assert.Empty(report.Failed);
        Assert.True(report.Documents.Count >= 40, $"only {report.Documents.Count} documents");
        Assert.NotEmpty(report.Duplicates);
        Assert.Contains(report.Documents, d => d.NearDuplicateOf is not null);
        Assert.Contains(report.Documents, d => d.Path.EndsWith(".pdf", StringComparison.Ordinal) && d.Paragraphs >= 4);
        Assert.Contains(report.Documents, d => d.Path.Contains(".rss#", StringComparison.Ordinal));
        Assert.Contains(report.Documents, d => d.Path.Contains("gbk", StringComparison.Ordinal) && d.Language == Language.Zh);
        Assert.Empty(temp.Library.Store.CheckIntegrity());
    }
}

public sealed class IndexMaintenanceTests
{
    [Fact]
    public void A_large_ingest_run_leaves_the_index_in_one_segment_and_a_small_one_leaves_it_alone()
    {
        using var temp = new TempLibrary();
        var store = (CgtAtlas.Storage.Sqlite.SqliteLibraryStore)temp.Library.Store;
        store.OptimizeAfter = 3;

        // One run per file: every run commits its own FTS5 segment.
        for (var i = 0; i < 4; i++)
        {
            temp.Library.Ingest([temp.Write($"a{i}.txt", $"第{i}篇\n\n溶瘤病毒 oncolytic virus 第{i}段，内容各不相同 {i * 7919}。")]);
        }

        Assert.True(Segments(temp) >= 2, $"{Segments(temp)} segment(s) after four small runs");

        var big = Enumerable.Range(0, 3).Select(i => temp.Write($"b{i}.txt", $"另一篇{i}\n\nCAR-T 细胞疗法 第{i}段 {i * 104729}。")).ToArray();
        Assert.Equal(3, temp.Library.Ingest(big).Stored);
        Assert.Equal(1, Segments(temp));

        // Searching is unchanged by the merge.
        Assert.Equal(4, temp.Library.Search(new() { Query = "oncolytic" }).Total);
        Assert.Equal(3, temp.Library.Search(new() { Query = "CAR-T" }).Total);

        // A run below the threshold, or below a tenth of the library, adds a segment and does not merge.
        temp.Library.Ingest([temp.Write("c.txt", "再一篇\n\n基因治疗 新的段落。")]);
        Assert.Equal(2, Segments(temp));
    }

    [Fact]
    public void A_run_below_a_tenth_of_the_library_does_not_merge_even_over_the_count()
    {
        using var temp = new TempLibrary();
        ((CgtAtlas.Storage.Sqlite.SqliteLibraryStore)temp.Library.Store).OptimizeAfter = 3;
        var library = Enumerable.Range(0, 40).Select(i => temp.Write($"lib/{i}.txt", $"文库{i}\n\n第{i}篇 基因治疗 {i * 7907} 段落。")).ToArray();
        Assert.Equal(40, temp.Library.Ingest(library).Stored);
        Assert.Equal(1, Segments(temp));

        // Three documents are over the count (3) but under a tenth of the 43 in the library.
        var run = Enumerable.Range(0, 3).Select(i => temp.Write($"run/{i}.txt", $"新稿{i}\n\n第{i}篇 细胞治疗 {i * 6007} 段落。")).ToArray();
        Assert.Equal(3, temp.Library.Ingest(run).Stored);
        Assert.Equal(2, Segments(temp));
    }

    private static long Segments(TempLibrary temp)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.DbPath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT segid) FROM doc_fts_idx";
        return (long)command.ExecuteScalar()!;
    }
}
