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
