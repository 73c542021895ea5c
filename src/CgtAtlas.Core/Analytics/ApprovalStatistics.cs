using CgtAtlas.Knowledge;

namespace CgtAtlas.Analytics;

/// <summary>One figure and the record ids behind it.</summary>
/// <param name="Key">What is counted (an agency, a modality, a year …).</param>
/// <param name="Count">How many.</param>
/// <param name="Ids">The ids of the records counted, in date order.</param>
public sealed record CountGroup(string Key, int Count, IReadOnlyList<string> Ids);

/// <summary>What to count.</summary>
public sealed record ApprovalQuery
{
    /// <summary>NMPA, FDA or EMA; null for all agencies.</summary>
    public string? Agency { get; init; }

    /// <summary>Canonical modality; null for all.</summary>
    public string? Modality { get; init; }

    /// <summary>Count approvals on or before this date.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Length of the "recent" window in years (D − N years &lt; date ≤ D).</summary>
    public int RecentYears { get; init; } = 3;

    /// <summary>Only rows with counts_as_cgt=true (the blue-book definition). Default true.</summary>
    public bool CgtOnly { get; init; } = true;

    /// <summary>Exclude ASO/siRNA (the FDA CBER-list definition).</summary>
    public bool ExcludeSmallNucleicAcids { get; init; }
}

/// <summary>The result of <see cref="ApprovalStatistics.Compute"/>.</summary>
public sealed record ApprovalReport
{
    /// <summary>The query answered.</summary>
    public required ApprovalQuery Query { get; init; }

    /// <summary>All counted rows (ids in date order).</summary>
    public required CountGroup Total { get; init; }

    /// <summary>By agency.</summary>
    public required IReadOnlyList<CountGroup> ByAgency { get; init; }

    /// <summary>By modality, largest first.</summary>
    public required IReadOnlyList<CountGroup> ByModality { get; init; }

    /// <summary>By approval year, oldest first.</summary>
    public required IReadOnlyList<CountGroup> ByYear { get; init; }

    /// <summary>First day of the recent window.</summary>
    public required DateOnly RecentFrom { get; init; }

    /// <summary>Approved in the recent window.</summary>
    public required CountGroup Recent { get; init; }

    /// <summary>Rows whose date precision leaves it open whether they were approved by the as-of date (they are counted).</summary>
    public required IReadOnlyList<string> Uncertain { get; init; }
}

/// <summary>
/// Approval counts over the knowledge base, following docs/knowledge.md: one row per product per agency is the first
/// approval; a row counts "as of D" when approval_date ≤ D (the first day of its precision period); counts_as_cgt
/// applies unless asked otherwise.
/// </summary>
public static class ApprovalStatistics
{
    /// <summary>The rows counted by <paramref name="query"/>, in date order.</summary>
    public static IReadOnlyList<ProductApproval> Select(KnowledgeBase kb, ApprovalQuery query) => kb.Products
        .Where(p => query.Agency is null || string.Equals(p.Agency, query.Agency, StringComparison.OrdinalIgnoreCase))
        .Where(p => query.Modality is null || string.Equals(p.Modality, query.Modality, StringComparison.OrdinalIgnoreCase))
        .Where(p => !query.CgtOnly || p.CountsAsCgt)
        .Where(p => !query.ExcludeSmallNucleicAcids || p.Modality != "small nucleic acid")
        .Where(p => p.ApprovalDate <= query.AsOf)
        .OrderBy(p => p.ApprovalDate).ThenBy(p => p.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Counts by agency, modality and year, with the recent window and the records behind each figure.</summary>
    public static ApprovalReport Compute(KnowledgeBase kb, ApprovalQuery query)
    {
        var rows = Select(kb, query);
        var recentFrom = query.AsOf.AddYears(-query.RecentYears).AddDays(1);
        return new ApprovalReport
        {
            Query = query,
            Total = Group("total", rows),
            ByAgency = rows.GroupBy(r => r.Agency).Select(g => Group(g.Key, g)).OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            ByModality = rows.GroupBy(r => r.Modality).Select(g => Group(g.Key, g)).OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            ByYear = rows.GroupBy(r => r.ApprovalDate.Year).OrderBy(g => g.Key).Select(g => Group(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g)).ToList(),
            RecentFrom = recentFrom,
            Recent = Group($"{recentFrom:yyyy-MM-dd}..{query.AsOf:yyyy-MM-dd}", rows.Where(r => r.ApprovalDate >= recentFrom)),
            Uncertain = rows.Where(r => r.ApprovalPeriodEnd > query.AsOf).Select(r => r.Id).ToList(),
        };
    }

    /// <summary>Distinct products (by product key) approved by any of the agencies as of a date: a "worldwide" count.</summary>
    public static CountGroup DistinctProducts(KnowledgeBase kb, ApprovalQuery query)
    {
        var rows = Select(kb, query).GroupBy(r => r.ProductKey).Select(g => g.First()).ToList();
        return new CountGroup("products", rows.Count, rows.Select(r => r.Id).ToList());
    }

    private static CountGroup Group(string key, IEnumerable<ProductApproval> rows)
    {
        var list = rows.Select(r => r.Id).ToList();
        return new CountGroup(key, list.Count, list);
    }
}
