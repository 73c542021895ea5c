namespace CgtAtlas.Ingest;

/// <summary>Progress of an ingest run, reported after each input.</summary>
/// <param name="Done">Inputs processed.</param>
/// <param name="Total">Inputs found.</param>
/// <param name="CurrentPath">The input just processed.</param>
public readonly record struct IngestProgress(int Done, int Total, string CurrentPath);
