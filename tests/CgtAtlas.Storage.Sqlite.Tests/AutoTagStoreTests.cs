using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Workspace;

namespace CgtAtlas.Core.Tests;

public sealed class AutoTagStoreTests
{
    [Fact]
    public void Automatic_tags_are_marked_skip_removed_ones_and_a_person_can_add_them_back()
    {
        using var temp = new TempLibrary();
        var id = temp.Library.Ingest([temp.Write("a.txt", "标题\n\n正文第一段。")]).Documents.Single().Id;
        using var workspace = SqliteWorkspaceStore.Open(temp.DbPath);

        var added = workspace.AddAutomaticTags(id, [("Kymriah", TagType.Product), ("Novartis", TagType.Company)]);
        Assert.Equal(2, added.Count);
        Assert.All(workspace.GetState(id).Tags, t => Assert.True(t.Automatic));
        Assert.Empty(workspace.AddAutomaticTags(id, [("kymriah", TagType.Product)]));

        var kymriah = workspace.GetState(id).Tags.Single(t => t.Name == "Kymriah");
        Assert.True(workspace.RemoveTag(id, kymriah.Id));
        Assert.Empty(workspace.AddAutomaticTags(id, [("Kymriah", TagType.Product)]));
        Assert.DoesNotContain(workspace.GetState(id).Tags, t => t.Name == "Kymriah");

        // A person's own choice overrides the earlier removal; the tag is then theirs, not automatic.
        workspace.AddTag(id, "Kymriah", TagType.Product);
        Assert.False(workspace.GetState(id).Tags.Single(t => t.Name == "Kymriah").Automatic);
        Assert.Empty(workspace.AddAutomaticTags(999_999, [("Kymriah", TagType.Product)]));
    }

    [Fact]
    public void Many_documents_are_tagged_in_one_call_with_the_same_rules_as_one()
    {
        using var temp = new TempLibrary();
        var ids = temp.Library.Ingest([temp.Write("a.txt", "甲\n\n第一篇正文。"), temp.Write("b.txt", "乙\n\n第二篇，内容不同。")])
            .Documents.Select(d => d.Id).Order().ToList();
        using var workspace = SqliteWorkspaceStore.Open(temp.DbPath);
        workspace.AddAutomaticTags(ids[0], [("Carvykti", TagType.Product)]);
        Assert.True(workspace.RemoveTag(ids[0], workspace.GetState(ids[0]).Tags.Single().Id));

        var added = workspace.AddAutomaticTagsToMany(
        [
            (ids[0], [("Carvykti", TagType.Product), ("Legend Biotech", TagType.Company)]),
            (ids[1], [("Carvykti", TagType.Product), ("carvykti", TagType.Product)]),
            (999_999, [("Carvykti", TagType.Product)]),
        ]);

        Assert.Equal(["Legend Biotech"], added[ids[0]].Select(t => t.Name)); // the removed tag stays removed
        Assert.Equal(["Carvykti"], added[ids[1]].Select(t => t.Name)); // case-insensitive duplicates count once
        Assert.False(added.ContainsKey(999_999));
        Assert.Equal(added[ids[0]][0].Id, workspace.GetState(ids[0]).Tags.Single().Id);
        Assert.All(workspace.GetState(ids[1]).Tags, t => Assert.True(t.Automatic));
    }
}

public sealed class TaggingAlongsideTests
{
    [Fact]
    public void Tags_found_during_the_ingest_are_the_tags_found_by_reading_the_documents_back()
    {
        var tagger = AutoTagger.TryDefault(out var problem) ?? throw new InvalidOperationException(problem);
        using var alongside = new TempLibrary();
        using var after = new TempLibrary();

        IReadOnlyDictionary<long, IReadOnlyList<Tag>> found;
        using (var tagging = tagger.StartAlongside())
        using (var workspace = SqliteWorkspaceStore.Open(alongside.DbPath))
        {
            alongside.Library.Ingest([TestPaths.Corpus], onStored: tagging.Post);
            found = tagging.Finish(alongside.Library, workspace);
        }

        var stored = after.Library.Ingest([TestPaths.Corpus]).Documents;
        IReadOnlyDictionary<long, IReadOnlyList<Tag>> expected;
        using (var workspace = SqliteWorkspaceStore.Open(after.DbPath))
        {
            expected = tagger.Apply(after.Library, workspace, stored.Select(d => d.Id));
        }

        // The sample corpus names dozens of products and companies; both ways must give every document the same tags.
        Assert.True(expected.Values.Sum(t => t.Count) >= 30, $"only {expected.Values.Sum(t => t.Count)} tags on the samples");
        Assert.Equal(Describe(after, expected), Describe(alongside, found));
    }

    [Fact]
    public void A_document_posted_without_its_text_is_read_back_and_an_abandoned_run_writes_nothing()
    {
        var tagger = AutoTagger.TryDefault(out var problem) ?? throw new InvalidOperationException(problem);
        using var temp = new TempLibrary();
        var report = temp.Library.Ingest([TestPaths.Corpus]);
        var withTags = tagger.Suggest(temp.Library.GetDocument(report.Documents[0].Id)!).Count > 0
            ? report.Documents[0]
            : report.Documents.First(d => tagger.Suggest(temp.Library.GetDocument(d.Id)!).Count > 0);
        Assert.Null(withTags.Content);
        using var workspace = SqliteWorkspaceStore.Open(temp.DbPath);

        using (var abandoned = tagger.StartAlongside())
        {
            abandoned.Post(withTags);
        }

        Assert.Empty(workspace.GetState(withTags.Id).Tags);

        using var tagging = tagger.StartAlongside();
        tagging.Post(withTags);
        var added = tagging.Finish(temp.Library, workspace);
        Assert.NotEmpty(added[withTags.Id]);
        Assert.Equal(added[withTags.Id].Select(t => t.Name).Order(), workspace.GetState(withTags.Id).Tags.Select(t => t.Name).Order());
    }

    private static List<string> Describe(TempLibrary temp, IReadOnlyDictionary<long, IReadOnlyList<Tag>> tags) =>
        tags.SelectMany(kv => kv.Value.Select(t => $"{Path.GetFileName(temp.Library.GetDocument(kv.Key)!.OriginPath)} {t.Type} {t.Name}"))
            .Order(StringComparer.Ordinal).ToList();
}
