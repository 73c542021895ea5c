using System.Numerics;
using CgtAtlas.Text;

namespace CgtAtlas.Documents;

/// <summary>
/// 64-bit SimHash over shingles of three consecutive analysed terms (three characters of Chinese, three words of
/// English). Syndicated copies of one story — a different header, a reworded sentence — land a few bits apart;
/// unrelated articles on the same topic land about half the bits apart.
/// </summary>
public static class SimHash
{
    /// <summary>Fewest terms a document needs before near-duplicate detection is meaningful.</summary>
    public const int MinimumTerms = 60;

    /// <summary>Largest Hamming distance at which two documents count as near-duplicates (measured on the samples:
    /// three syndicated copies 2–6 bits apart; the closest distinct articles 17).</summary>
    public const int NearDuplicateDistance = 8;

    /// <summary>Computes the fingerprint of analysed tokens; null when there are too few to judge.</summary>
    public static ulong? Compute(IReadOnlyList<Token> tokens)
    {
        if (tokens.Count < MinimumTerms)
        {
            return null;
        }

        // Branch-free: count the one-bits per position; a bit is set when more than half the shingles have it.
        Span<int> ones = stackalloc int[64];
        var shingles = tokens.Count - 2;
        for (var i = 0; i < shingles; i++)
        {
            var hash = Fnv1a(tokens[i].Term, Fnv1a(tokens[i + 1].Term, Fnv1a(tokens[i + 2].Term, 14695981039346656037UL)));
            for (var bit = 0; bit < 64; bit++)
            {
                ones[bit] += (int)((hash >> bit) & 1UL);
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (ones[bit] * 2 > shingles)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static ulong Fnv1a(string text, ulong hash)
    {
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        // Separator so ("ab","c") and ("a","bc") differ.
        hash ^= 0x1F;
        hash *= 1099511628211UL;
        return hash;
    }
}
