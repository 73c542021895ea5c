namespace CgtAtlas.Workspace;

/// <summary>Where a document is in an analyst's review: new → reviewing → done, or archived.</summary>
public enum ReviewStatus
{
    /// <summary>Not looked at yet (every document starts here).</summary>
    New = 0,

    /// <summary>Someone is reading it.</summary>
    Reviewing = 1,

    /// <summary>Reviewed.</summary>
    Done = 2,

    /// <summary>Set aside (not relevant, superseded).</summary>
    Archived = 3,
}

/// <summary>Codes for <see cref="ReviewStatus"/> and <see cref="TagType"/> as used in storage, URLs and JSON.</summary>
public static class WorkspaceCodes
{
    /// <summary>All statuses in workflow order.</summary>
    public static IReadOnlyList<ReviewStatus> Statuses { get; } = [ReviewStatus.New, ReviewStatus.Reviewing, ReviewStatus.Done, ReviewStatus.Archived];

    /// <summary>All tag types.</summary>
    public static IReadOnlyList<TagType> TagTypes { get; } = [TagType.Product, TagType.Industry, TagType.Company, TagType.Person, TagType.Event];

    /// <summary>The code of a status: <c>new</c>, <c>reviewing</c>, <c>done</c>, <c>archived</c>.</summary>
    public static string ToCode(this ReviewStatus status) => status switch
    {
        ReviewStatus.Reviewing => "reviewing",
        ReviewStatus.Done => "done",
        ReviewStatus.Archived => "archived",
        _ => "new",
    };

    /// <summary>Parses a status code (case-insensitive).</summary>
    public static bool TryParseStatus(string? code, out ReviewStatus status)
    {
        foreach (var candidate in Statuses)
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = ReviewStatus.New;
        return false;
    }

    /// <summary>The code of a tag type: <c>product</c>, <c>industry</c>, <c>company</c>, <c>person</c>, <c>event</c>.</summary>
    public static string ToCode(this TagType type) => type switch
    {
        TagType.Industry => "industry",
        TagType.Company => "company",
        TagType.Person => "person",
        TagType.Event => "event",
        _ => "product",
    };

    /// <summary>Parses a tag type code (case-insensitive).</summary>
    public static bool TryParseTagType(string? code, out TagType type)
    {
        foreach (var candidate in TagTypes)
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = TagType.Product;
        return false;
    }
}
