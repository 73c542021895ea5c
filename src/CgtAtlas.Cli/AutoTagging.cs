using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using CgtAtlas.Workspace;

namespace CgtAtlas.Cli;

/// <summary>Puts the knowledge base's product and company tags on the documents an ingest stored (as web uploads do).</summary>
internal static class AutoTagging
{
    /// <summary>Tags the stored documents; returns how many tags were added (0 when the knowledge base is unavailable).</summary>
    public static int Run(Library library, string dbPath, IReadOnlyCollection<long> storedIds, TextWriter error)
    {
        if (storedIds.Count == 0)
        {
            return 0;
        }

        var tagger = AutoTagger.TryDefault(out var problem);
        if (tagger is null)
        {
            error.WriteLine($"cgt: documents stored without automatic tags: {problem}");
            return 0;
        }

        using var workspace = SqliteWorkspaceStore.Open(dbPath);
        var added = tagger.Apply(library, workspace, storedIds).Values.Sum(t => t.Count);

        // The first search that needs Chinese words should not pay for jieba's start-up: load it (and so save its
        // snapshot, if there is none yet) while the user is waiting for the ingest anyway.
        TextServices.Default.Segmenter.TryLoad();
        return added;
    }
}
