using System.Text;
using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Storage;
using CgtAtlas.Text;

namespace CgtAtlas.Ingest;

/// <summary>
/// Reads inputs one at a time (memory stays flat in corpus size), analyses them with the shared analyzer, drops exact
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

    /// <summary>Ingests files and folders.</summary>
    /// <param name="inputs">Files or folders (recursive).</param>
    /// <param name="options">Collections, size limit, batch size.</param>
    /// <param name="progress">Receives progress after each input.</param>
    /// <param name="cancellationToken">Stops after the current document; what is stored stays complete.</param>
    public IngestReport Run(IEnumerable<string> inputs, IngestOptions options, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var files = InputEnumerator.Expand(inputs, out var missing);
        var stored = new List<IngestedDocument>();
        var duplicates = new List<DuplicateInput>();
        var failed = missing.Select(m => new FailedInput(m, "no such file or folder")).ToList();
        var fingerprints = _store.LoadSimHashes().ToList();
        long bytesRead = 0;
        var cancelled = false;

        var batch = _store.BeginBatch();
        var inBatch = 0;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                var path = files[i];
                var contents = Read(path, options, failed, ref bytesRead);
                foreach (var content in contents)
                {
                    if (Store(batch, content, options, fingerprints, stored, duplicates, failed))
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

                progress?.Report(new IngestProgress(i + 1, files.Count, path));
            }

            batch.Commit();
        }
        finally
        {
            batch.Dispose();
        }

        return new IngestReport
        {
            Documents = stored,
            Duplicates = duplicates,
            Failed = failed,
            Cancelled = cancelled,
            BytesRead = bytesRead,
        };
    }

    private IReadOnlyList<DocumentContent> Read(string path, IngestOptions options, List<FailedInput> failed, ref long bytesRead)
    {
        var reader = _readers.For(path);
        if (reader is null)
        {
            var extension = Path.GetExtension(path);
            failed.Add(new FailedInput(path, $"unsupported file type '{(extension.Length == 0 ? "(none)" : extension)}' (supported: {_readers.SupportedList})"));
            return [];
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Length == 0)
            {
                failed.Add(new FailedInput(path, "empty file (0 bytes)"));
                return [];
            }

            if (info.Length > options.MaxFileBytes)
            {
                failed.Add(new FailedInput(path,
                    $"file is {info.Length / 1048576.0:0.0} MiB, over the {options.MaxFileBytes / 1048576.0:0.#} MiB limit (raise it with --max-file-mb)"));
                return [];
            }

            var bytes = File.ReadAllBytes(path);
            bytesRead += bytes.Length;
            return reader.Read(bytes, path);
        }
        catch (UnreadableDocumentException ex)
        {
            failed.Add(new FailedInput(path, ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failed.Add(new FailedInput(path, $"cannot read the file: {ex.Message}"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug must not end the run: report it against the file and go on.
            failed.Add(new FailedInput(path, $"could not be read ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})"));
        }

        return [];
    }

    private bool Store(IDocumentBatch batch, DocumentContent content, IngestOptions options, List<(long Id, ulong SimHash)> fingerprints,
        List<IngestedDocument> stored, List<DuplicateInput> duplicates, List<FailedInput> failed)
    {
        var collections = content.Collections.Concat(options.Collections).Distinct(StringComparer.Ordinal).ToList();
        var hash = ContentHash.Compute(content.Title, content.Paragraphs);
        if (batch.FindByContentHash(hash) is { } existing)
        {
            if (collections.Count > 0)
            {
                batch.AddToCollections(existing, collections);
            }

            duplicates.Add(new DuplicateInput(content.OriginPath, existing));
            return false;
        }

        var bodyTokens = new List<Token>(content.Paragraphs.Sum(p => p.Text.Length));
        var indexBody = new StringBuilder(bodyTokens.Capacity * 2);
        var scratch = new List<Token>(256);
        foreach (var paragraph in content.Paragraphs)
        {
            scratch.Clear();
            _analyzer.AnalyzeInto(paragraph.Text, scratch);
            foreach (var token in scratch)
            {
                if (indexBody.Length > 0)
                {
                    indexBody.Append(' ');
                }

                indexBody.Append(token.Term);
            }

            bodyTokens.AddRange(scratch);
        }

        var simHash = SimHash.Compute(bodyTokens);
        long? nearDuplicateOf = null;
        if (simHash is { } fingerprint)
        {
            var best = SimHash.NearDuplicateDistance + 1;
            foreach (var (id, other) in fingerprints)
            {
                var distance = SimHash.Distance(fingerprint, other);
                if (distance < best)
                {
                    best = distance;
                    nearDuplicateOf = id;
                }
            }
        }

        var language = LanguageDetector.Detect(content.Paragraphs.Select(p => p.Text));
        try
        {
            var id = batch.Add(new NewDocument
            {
                Content = content,
                Language = language,
                ContentHash = hash,
                SimHash = simHash,
                NearDuplicateOf = nearDuplicateOf,
                Collections = collections,
                IndexTitle = _analyzer.ToIndexText(content.Title),
                IndexBody = indexBody.ToString(),
                IngestedAt = _clock.GetUtcNow(),
                Subjects = DocumentSubjects.Find(content.Title, content.Paragraphs),
            });
            if (simHash is { } added)
            {
                fingerprints.Add((nearDuplicateOf ?? id, added));
            }

            stored.Add(new IngestedDocument(id, content.OriginPath, content.Title, language, content.Paragraphs.Count, nearDuplicateOf));
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failed.Add(new FailedInput(content.OriginPath, $"could not be stored: {ex.Message.Split('\n')[0]}"));
            return false;
        }
    }
}
