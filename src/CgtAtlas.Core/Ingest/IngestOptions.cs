namespace CgtAtlas.Ingest;

/// <summary>Settings of an ingest run.</summary>
public sealed record IngestOptions
{
    /// <summary>Collections every ingested document is put in.</summary>
    public IReadOnlyList<string> Collections { get; init; } = [];

    /// <summary>Largest file accepted, in bytes (default 64 MiB): larger files are refused with a message, not read.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Documents per transaction. Larger batches ingest faster; a crash loses at most one batch (never half a document).</summary>
    public int BatchSize { get; init; } = 200;
}
