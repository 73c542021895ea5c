using CgtAtlas.Documents;

namespace CgtAtlas.Search;

/// <summary>Structured filters from the query (<c>lang:</c>, <c>collection:</c>, <c>after:</c>, <c>before:</c>, <c>source:</c>, <c>modality:</c>, <c>agency:</c>).</summary>
public sealed record SearchFilters
{
    /// <summary>Documents in one of these languages (empty: any).</summary>
    public IReadOnlyList<Language> Languages { get; init; } = [];

    /// <summary>Documents in any of these collections (empty: any).</summary>
    public IReadOnlyList<string> Collections { get; init; } = [];

    /// <summary>Published on or after this date.</summary>
    public DateOnly? After { get; init; }

    /// <summary>Published on or before this date.</summary>
    public DateOnly? Before { get; init; }

    /// <summary>Source (publisher) contains one of these strings, case-insensitively.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Documents about one of these modalities (canonical names; see <see cref="Facts.DocumentSubjects"/>).</summary>
    public IReadOnlyList<string> Modalities { get; init; } = [];

    /// <summary>Documents about one of these agencies (canonical codes).</summary>
    public IReadOnlyList<string> Agencies { get; init; } = [];

    /// <summary>True when no filter is set.</summary>
    public bool IsEmpty => Languages.Count == 0 && Collections.Count == 0 && After is null && Before is null && Sources.Count == 0
        && Modalities.Count == 0 && Agencies.Count == 0;
}
