using CgtAtlas.Documents;
using CgtAtlas.Storage;
using CgtAtlas.Text;

namespace CgtAtlas.Ingest;

/// <summary>
/// Reads inputs a bounded number ahead (memory stays flat in corpus size), analyses them with the shared analyzer, drops exact
/// duplicates, links near-duplicates to their first copy, and writes documents in batched transactions. Every input
/// ends as stored, duplicate or failed with a reason; a bad file never stops the run.
/// </summary>
public sealed class IngestPipeline
{
    private readonly ILibraryStore _store;
    private readonly TextAnalyzer _analyzer;
    private readonly DocumentReaders _readers;
    private readonly TimeProvider _clock;

    /// <summary>Creates a pipeline writing to <paramref name="store"/>.</summary>
    public IngestPipeline(ILibraryStore store, TextAnalyzer analyzer, DocumentReaders? readers = null, TimeProvider? clock = null)
    {
        _store = store;
        _analyzer = analyzer;
        _readers = readers ?? DocumentReaders.Default;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Inputs read ahead of the writer: enough for the reader to keep working while the writer commits a batch (about
    /// two hundred documents' worth of reading), and a bound on their bytes so that large files keep memory flat too.
    /// </summary>
    private const int ReadAheadInputs = 512;

    /// <summary>Input bytes read ahead of the writer, at most (one input larger than this is still read, alone).</summary>
    private const long ReadAheadBytes = 16L << 20;

    /// <summary>Ingests files and folders.</summary>
    /// <param name="inputs">Files or folders (recursive).</param>
    /// <param name="options">Collections, size limit, batch size.</param>
    /// <param name="progress">Receives progress after each input.</param>
    /// <param name="cancellationToken">Stops after the current document; what is stored stays complete.</param>
    /// <param name="onStored">When given, receives each stored document as it is written, and the report's
    /// <see cref="IngestReport.Documents"/> stays empty (memory flat in corpus size); otherwise the report lists them.</param>
    /// <remarks>
    /// A reading thread does the CPU work (read, decode, hash, analyse, SimHash, the store's own preparation) up to <see cref="ReadAheadInputs"/> inputs
    /// ahead; the calling thread does everything that depends on what is stored (duplicate lookup, near-duplicate scan,
    /// writes) in input order, so results are the same as reading and writing one input at a time.
    /// </remarks>
    public IngestReport Run(IEnumerable<string> inputs, IngestOptions options, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default, Action<IngestedDocument>? onStored = null)
    {
        // Files are counted in a first walk (for progress as done/total) and streamed to the reading thread in a second,
        // so no list of every path is kept.
        var files = new InputEnumerator(inputs);
        var total = progress is null ? 0 : files.CountFiles();
        var stored = new List<IngestedDocument>();
        var tally = new StoredTally(onStored ?? (d => stored.Add(d with { Content = null })));
        var duplicates = new List<DuplicateInput>();
        var failed = files.Missing.Select(m => new FailedInput(m, "no such file or folder")).ToList();
        var fingerprints = new NearDuplicateIndex(_store.LoadSimHashes());
        long bytesRead = 0;
        var cancelled = false;

        var queue = new ReadAheadQueue<PreparedInput>(ReadAheadInputs, ReadAheadBytes);
        var reading = Task.Factory.StartNew(() => ReadAll(files.Files(), options, queue), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var batch = _store.BeginBatch();
        var inBatch = 0;
        try
        {
            var done = 0;
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Only when an input is left: a run cancelled after its last input is complete.
                    cancelled = queue.WaitForItem();
                    break;
                }

                // Blocking is intended: this is the single writing thread; a failure of the reading thread is thrown here.
                if (!queue.TryTake(out var input))
                {
                    break;
                }

                done++;
                bytesRead += input.Bytes;
                if (input.Failure is { } failure)
                {
                    failed.Add(failure);
                }

                foreach (var document in input.Documents)
                {
                    if (Store(batch, document, options, fingerprints, tally, duplicates, failed))
                    {
                        inBatch++;
                    }
                }

                if (inBatch >= options.BatchSize)
                {
                    batch.Commit();
                    batch.Dispose();
                    batch = _store.BeginBatch();
                    inBatch = 0;
                }

                // A file added between the count and the walk must not show more done than found.
                progress?.Report(new IngestProgress(done, Math.Max(total, done), input.Path));
            }

            batch.Commit();
            if (!cancelled && tally.Count > 0)
            {
                _store.AfterIngest(tally.Count);
            }
        }
        finally
        {
            batch.Dispose();
            queue.Close();
            // The reader only ends by finishing, being stopped, or failing; its failure surfaced through the queue.
            reading.ContinueWith(_ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
        }

        return new IngestReport
        {
            Documents = stored,
            Stored = tally.Count,
            NearDuplicates = tally.NearDuplicates,
            Regrouped = tally.Regrouped,
            Duplicates = duplicates,
            Failed = failed,
            Cancelled = cancelled,
            BytesRead = bytesRead,
        };
    }

    private void ReadAll(IEnumerable<string> files, IngestOptions options, ReadAheadQueue<PreparedInput> queue)
    {
        Exception? error = null;
        try
        {
            var preparer = new DocumentPreparer(_analyzer, _store.PrepareWrite);
            foreach (var path in files)
            {
                var input = Prepare(path, options, preparer);
                if (!queue.Add(input, input.Bytes))
                {
                    // The writer stopped early (Ctrl-C or an error); inputs read ahead are dropped unstored.
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            queue.Complete(error);
        }
    }

    private PreparedInput Prepare(string path, IngestOptions options, DocumentPreparer preparer)
    {
        long bytes = 0;
        var contents = Read(path, options, out var failure, ref bytes);
        if (failure is not null)
        {
            return new PreparedInput(path, bytes, failure, []);
        }

        try
        {
            return new PreparedInput(path, bytes, null, contents.Select(preparer.Prepare).ToList());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new PreparedInput(path, bytes, new FailedInput(path, $"could not be analysed ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})"), []);
        }
    }

    private IReadOnlyList<DocumentContent> Read(string path, IngestOptions options, out FailedInput? failure, ref long bytesRead)
    {
        failure = null;
        var reader = _readers.For(path);
        if (reader is null)
        {
            var extension = Path.GetExtension(path);
            failure = new FailedInput(path, $"unsupported file type '{(extension.Length == 0 ? "(none)" : extension)}' (supported: {_readers.SupportedList})");
            return [];
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Length == 0)
            {
                failure = new FailedInput(path, "empty file (0 bytes)");
                return [];
            }

            if (info.Length > options.MaxFileBytes)
            {
                failure = new FailedInput(path,
                    $"file is {info.Length / 1048576.0:0.0} MiB, over the {options.MaxFileBytes / 1048576.0:0.#} MiB limit (raise it with --max-file-mb)");
                return [];
            }

            var bytes = File.ReadAllBytes(path);
            bytesRead += bytes.Length;
            return reader.Read(bytes, path);
        }
        catch (UnreadableDocumentException ex)
        {
            failure = new FailedInput(path, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = new FailedInput(path, $"cannot read the file: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug must not end the run: report it against the file and go on.
            failure = new FailedInput(path, $"could not be read ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})");
        }

        return [];
    }

    private bool Store(IDocumentBatch batch, PreparedDocument document, IngestOptions options, NearDuplicateIndex fingerprints,
        StoredTally stored, List<DuplicateInput> duplicates, List<FailedInput> failed)
    {
        var content = document.Content;
        var collections = content.Collections.Concat(options.Collections).Distinct(StringComparer.Ordinal).ToList();
        if (batch.FindByContentHash(document.ContentHash) is { } existing)
        {
            if (collections.Count > 0)
            {
                batch.AddToCollections(existing, collections);
            }

            duplicates.Add(new DuplicateInput(content.OriginPath, existing));
            return false;
        }

        var nearDuplicateOf = document.SimHash is { } fingerprint ? fingerprints.FindClosest(fingerprint) : null;

        // A later-ingested copy can be the original (the reprint came first in the folder): it then heads the group.
        var previousHead = nearDuplicateOf;
        var headsGroup = previousHead is { } head
            && new DocumentProvenance(content.Published, content.Source is not null || content.Url is not null)
                .IsMoreOriginalThan(batch.GetProvenance(head));
        if (headsGroup)
        {
            nearDuplicateOf = null;
        }

        try
        {
            var id = batch.Add(new NewDocument
            {
                Content = content,
                Language = document.Language,
                ContentHash = document.ContentHash,
                SimHash = document.SimHash,
                NearDuplicateOf = nearDuplicateOf,
                Collections = collections,
                IndexTitle = document.IndexTitle,
                IndexBody = document.IndexBody,
                IngestedAt = _clock.GetUtcNow(),
                Subjects = document.Subjects,
                Prepared = document.StorePrepared,
            });
            if (headsGroup)
            {
                batch.Relink(previousHead!.Value, id);
                fingerprints.MoveGroup(previousHead.Value, id);
                stored.Regrouped++;
            }

            if (document.SimHash is { } added)
            {
                fingerprints.Add(nearDuplicateOf ?? id, added);
            }

            stored.Add(new IngestedDocument(id, content.OriginPath, content.Title, document.Language, content.Paragraphs.Count, nearDuplicateOf)
            {
                Content = content,
            });
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failed.Add(new FailedInput(content.OriginPath, $"could not be stored: {ex.Message.Split('\n')[0]}"));
            return false;
        }
    }

    /// <summary>Counts stored documents and passes each one on (to the report's list or the caller's callback).</summary>
    private sealed class StoredTally(Action<IngestedDocument> sink)
    {
        public int Count { get; private set; }

        public int NearDuplicates { get; private set; }

        public int Regrouped { get; set; }

        public void Add(IngestedDocument document)
        {
            Count++;
            if (document.NearDuplicateOf is not null)
            {
                NearDuplicates++;
            }

            sink(document);
        }
    }
}
