using CgtAtlas.Ingest;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using CgtAtlas.Workspace;

namespace CgtAtlas.Cli;

/// <summary>
/// Puts the knowledge base's product and company tags on the documents an ingest stores (as web uploads do). The names
/// are found while the ingest runs (<see cref="TaggingAlongside"/>); the tags are written when it ends.
/// </summary>
internal sealed class AutoTagging : IDisposable
{
    private readonly TaggingAlongside? _alongside;
    private int _posted;

    private AutoTagging(TaggingAlongside? alongside) => _alongside = alongside;

    /// <summary>Starts tagging; when the knowledge base is unavailable, says so on <paramref name="error"/> and tags nothing.</summary>
    public static AutoTagging Start(TextWriter error)
    {
        var tagger = AutoTagger.TryDefault(out var problem);
        if (tagger is null)
        {
            error.WriteLine($"cgt: documents stored without automatic tags: {problem}");
        }

        return new AutoTagging(tagger?.StartAlongside());
    }

    /// <summary>For the ingest's <c>onStored</c> callback.</summary>
    public void Post(IngestedDocument document)
    {
        _alongside?.Post(document);
        _posted++;
    }

    /// <summary>Writes the tags of every posted document; returns how many were added.</summary>
    public int Finish(Library library, string dbPath)
    {
        var added = 0;
        if (_alongside is not null && _posted > 0)
        {
            using var workspace = SqliteWorkspaceStore.Open(dbPath);
            added = _alongside.Finish(library, workspace).Values.Sum(t => t.Count);
        }

        // The first search that needs Chinese words should not pay for jieba's start-up: load it (and so save its
        // snapshot, if there is none yet) while the user is waiting for the ingest anyway.
        TextServices.Default.Segmenter.TryLoad();
        return added;
    }

    public void Dispose() => _alongside?.Dispose();
}
