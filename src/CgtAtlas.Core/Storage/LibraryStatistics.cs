namespace CgtAtlas.Storage;

/// <summary>Counts describing a library.</summary>
public sealed record LibraryStatistics(int Documents, int Paragraphs, int Collections, int NearDuplicates, int AnalyzerVersion, int SchemaVersion);
