namespace CgtAtlas.Storage;

/// <summary>A page of ranked documents and the total number of (collapsed) matches.</summary>
public sealed record StoreSearchPage(int Total, IReadOnlyList<StoreHit> Hits);
