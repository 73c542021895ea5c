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
