using CgtAtlas.Documents;
using CgtAtlas.Ingest;

namespace CgtAtlas.Workspace;

/// <summary>
/// Automatic tagging that runs while an ingest stores documents: <see cref="Post"/> each stored document (an ingest's
/// <c>onStored</c> callback), then <see cref="Finish"/> writes the tags. Names are found on a thread of its own, from the
/// text the ingest has already read.
/// </summary>
/// <remarks>
/// Tagging after the ingest read every stored document back from the library and then scanned it: 44 s after a
/// 116 s ingest of 100,000 documents, about half of it the reading. The ingest's writing thread leaves CPU free while
/// SQLite waits for the disk, and this thread uses it. The queue in between is bounded, so a slow scan slows the ingest
/// instead of holding every document in memory.
/// </remarks>
public sealed class TaggingAlongside : IDisposable
{
    private readonly AutoTagger _tagger;
    private readonly ReadAheadQueue<(long Id, DocumentContent? Content)> _queue = new(512, 16L << 20);
    private readonly List<(long DocumentId, IReadOnlyList<(string Name, TagType Type)> Tags)> _suggestions = [];
    private readonly List<long> _unread = [];
    private readonly Thread _thread;
    private Exception? _failure;
    private bool _finished;

    internal TaggingAlongside(AutoTagger tagger)
    {
        _tagger = tagger;
        _thread = new Thread(Scan) { IsBackground = true, Name = "automatic tags" };
        _thread.Start();
    }

    /// <summary>Queues a stored document; one without its text (<see cref="IngestedDocument.Content"/> null) is read back
    /// from the library by <see cref="Finish"/>.</summary>
    public void Post(IngestedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ObjectDisposedException.ThrowIf(_finished, this);
        var weight = document.Content is { } content ? 2L * (content.Title.Length + content.Paragraphs.Sum(p => p.Text.Length)) : 1;
        _queue.Add((document.Id, document.Content), weight);
    }

    /// <summary>
    /// Waits for the scan of every posted document and writes the tags, a few hundred documents per transaction;
    /// returns the tags added per document. Throws what the scan failed with, if it did.
    /// </summary>
    public IReadOnlyDictionary<long, IReadOnlyList<Tag>> Finish(Library library, IWorkspaceStore workspace)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(workspace);
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        _queue.Complete();
        _thread.Join();
        if (_failure is not null)
        {
            throw new InvalidOperationException($"finding automatic tags failed: {_failure.Message}", _failure);
        }

        var added = AutoTagger.Write(workspace, _suggestions).ToDictionary();
        foreach (var (id, tags) in _tagger.Apply(library, workspace, _unread))
        {
            added[id] = tags;
        }

        return added;
    }

    /// <summary>Stops the scan without writing anything (an ingest that failed).</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            _queue.Close();
            _thread.Join();
        }
    }

    private void Scan()
    {
        try
        {
            while (_queue.TryTake(out var next))
            {
                if (next.Content is { } content)
                {
                    _suggestions.Add((next.Id, _tagger.Suggest(content.Title, content.Paragraphs)));
                }
                else
                {
                    _unread.Add(next.Id);
                }
            }
        }
        catch (Exception ex)
        {
            // Thrown to the caller by Finish; the posting side must not block on a queue nobody empties any more.
            _failure = ex;
            _queue.Close();
        }
    }
}
