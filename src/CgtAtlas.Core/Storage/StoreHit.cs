using CgtAtlas.Documents;

namespace CgtAtlas.Storage;

/// <summary>One ranked document from a store search, before snippets are made.</summary>
public sealed record StoreHit(long Id, string Title, double Score, DateOnly? Published, Language Language, string? Source, int CollapsedCopies);
