using CgtAtlas.Search;
using CgtAtlas.Text;

namespace CgtAtlas.Benchmarks;

/// <summary>
/// Candidate replacements for hot spots in src/, timed next to the originals by the ingest profile and checked to give
/// the same results. Not used by CgtAtlas; they only back the measured suggestions in docs/benchmarks.md.
/// </summary>
internal static class Proposals
{
    /// <summary>
    /// <c>SimHash.Compute</c> with the same shingles, hash and result, but a branch-free bit count: the original adds
    /// ±1 per bit behind a data-dependent branch that mispredicts half the time (64 branches per shingle).
    /// </summary>
    public static ulong? SimHashBranchFree(IReadOnlyList<Token> tokens)
    {
        if (tokens.Count < Documents.SimHash.MinimumTerms)
        {
            return null;
        }

        Span<int> ones = stackalloc int[64];
        var shingles = 0;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            var hash = Fnv1a(tokens[i].Term, Fnv1a(tokens[i + 1].Term, Fnv1a(tokens[i + 2].Term, 14695981039346656037UL)));
            for (var bit = 0; bit < 64; bit++)
            {
                ones[bit] += (int)((hash >> bit) & 1);
            }

            shingles++;
        }

        // weight = ones - (shingles - ones) > 0  <=>  2 * ones > shingles
        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (2 * ones[bit] > shingles)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    /// <summary>
    /// Drops OR alternatives that cannot add a match: a phrase that contains another alternative's phrase as a
    /// contiguous run of terms (CAR-T cell therapy next to CAR-T; 嵌合抗原受体T细胞疗法 next to 嵌合抗原受体T细胞). The
    /// set of matching documents is unchanged; BM25 scores change a little because fewer phrases contribute.
    /// </summary>
    public static MatchExpression PruneRedundantAlternatives(MatchExpression expression) => expression switch
    {
        MatchAny any => PruneAny(any),
        MatchAll all => new MatchAll(all.Children.Select(PruneRedundantAlternatives).ToList()),
        MatchExcept except => new MatchExcept(PruneRedundantAlternatives(except.Include), except.Exclude.Select(PruneRedundantAlternatives).ToList()),
        _ => expression,
    };

    private static MatchExpression PruneAny(MatchAny any)
    {
        var children = any.Children.Select(PruneRedundantAlternatives).ToList();
        var phrases = children.OfType<MatchPhrase>().ToList();
        var kept = children.Where(c => c is not MatchPhrase p || !phrases.Any(q =>
            q.TitleOnly == p.TitleOnly && q.Terms.Count < p.Terms.Count && ContainsRun(p.Terms, q.Terms))).ToList();
        return kept.Count == 1 ? kept[0] : new MatchAny(kept);
    }

    private static bool ContainsRun(IReadOnlyList<string> terms, IReadOnlyList<string> run)
    {
        for (var i = 0; i + run.Count <= terms.Count; i++)
        {
            var all = true;
            for (var k = 0; k < run.Count && all; k++)
            {
                all = string.Equals(terms[i + k], run[k], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static ulong Fnv1a(string text, ulong hash)
    {
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        hash ^= 0x1F;
        hash *= 1099511628211UL;
        return hash;
    }
}
