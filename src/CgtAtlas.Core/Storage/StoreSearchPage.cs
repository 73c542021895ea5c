namespace CgtAtlas.Storage;

/// <summary>A page of ranked documents and the total number of (collapsed) matches.</summary>
public sealed record StoreSearchPage(int Total, IReadOnlyList<StoreHit> Hits)
{
    /// <summary>True when <see cref="Total"/> is extrapolated from the newest matches rather than counted.</summary>
    public bool TotalIsEstimate { get; init; }

    /// <summary>True when only the newest matches were ranked (title matches first, then by date) instead of all by BM25.</summary>
    public bool RankedByRecency { get; init; }
}
