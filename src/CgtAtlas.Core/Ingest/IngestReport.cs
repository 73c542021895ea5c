using CgtAtlas.Documents;

namespace CgtAtlas.Ingest;

/// <summary>A document stored by an ingest run.</summary>
public sealed record IngestedDocument(long Id, string Path, string Title, Language Language, int Paragraphs, long? NearDuplicateOf)
{
    /// <summary>
    /// The document as read, for an <c>onStored</c> callback that works on the text without reading it back (automatic
    /// tagging). Null in <see cref="IngestReport.Documents"/>, which keeps only the summary.
    /// </summary>
    public DocumentContent? Content { get; init; }
}

/// <summary>An input whose content was already in the library.</summary>
public sealed record DuplicateInput(string Path, long DuplicateOf);

/// <summary>An input that could not be ingested, with the reason in plain words.</summary>
public sealed record FailedInput(string Path, string Error);

/// <summary>The outcome of one ingest run: every input ends as stored, duplicate or failed.</summary>
public sealed record IngestReport
{
    /// <summary>Documents stored; empty when the run passed them to a callback instead (see <see cref="Stored"/>).</summary>
    public required IReadOnlyList<IngestedDocument> Documents { get; init; }

    /// <summary>Number of documents stored (also when they were streamed to a callback rather than listed).</summary>
    public int Stored { get; init; }

    /// <summary>Stored documents linked to an earlier near-copy.</summary>
    public int NearDuplicates { get; init; }

    /// <summary>
    /// Groups of near-copies whose head changed because a document of this run is more original (it has a source or an
    /// earlier date): the former head, stored before, now links to it too. The library's near-duplicate count grows by
    /// <see cref="NearDuplicates"/> plus this.
    /// </summary>
    public int Regrouped { get; init; }

    /// <summary>Inputs that were exact duplicates (not stored again).</summary>
    public required IReadOnlyList<DuplicateInput> Duplicates { get; init; }

    /// <summary>Inputs that failed.</summary>
    public required IReadOnlyList<FailedInput> Failed { get; init; }

    /// <summary>True when the run was cancelled (Ctrl-C) before all inputs were read; what was stored is complete.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Bytes of input read.</summary>
    public long BytesRead { get; init; }
}
