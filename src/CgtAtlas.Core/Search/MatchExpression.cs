namespace CgtAtlas.Search;

/// <summary>
/// The engine-neutral search condition after analysis and expansion: leaves are sequences of analysed terms.
/// A store compiles it to its own syntax (FTS5 MATCH, PostgreSQL tsquery) with every term quoted.
/// </summary>
public abstract record MatchExpression;

/// <summary>Terms that must appear consecutively (one term: a single-word match).</summary>
/// <param name="Terms">Analysed terms, as produced by the shared analyzer.</param>
/// <param name="TitleOnly">Restrict the match to the title.</param>
public sealed record MatchPhrase(IReadOnlyList<string> Terms, bool TitleOnly) : MatchExpression
{
    /// <inheritdoc />
    public bool Equals(MatchPhrase? other) =>
        other is not null && TitleOnly == other.TitleOnly && Terms.SequenceEqual(other.Terms, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TitleOnly, string.Join(' ', Terms));
}

/// <summary>All children must match.</summary>
public sealed record MatchAll(IReadOnlyList<MatchExpression> Children) : MatchExpression;

/// <summary>Any child may match.</summary>
public sealed record MatchAny(IReadOnlyList<MatchExpression> Children) : MatchExpression;

/// <summary>Matches <see cref="Include"/> minus anything matching <see cref="Exclude"/>.</summary>
public sealed record MatchExcept(MatchExpression Include, IReadOnlyList<MatchExpression> Exclude) : MatchExpression;
