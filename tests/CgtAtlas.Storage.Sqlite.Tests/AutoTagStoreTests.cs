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
}
