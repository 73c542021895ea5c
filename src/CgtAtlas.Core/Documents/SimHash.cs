using System.Numerics;
using System.Runtime.InteropServices;
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

        // Count the one-bits per position eight at a time: lane k holds, in each of its bytes b, the count of bit 8b+k.
        // A byte overflows after 255 shingles, so the lanes are emptied into the int counters before that.
        Span<int> ones = stackalloc int[64];
        Span<ulong> lanes = stackalloc ulong[8];
        // The span of the ingest's token list: three interface calls per shingle were a measurable part of the loop.
        ReadOnlySpan<Token> terms = tokens is List<Token> list ? CollectionsMarshal.AsSpan(list) : tokens.ToArray();
        var shingles = terms.Length - 2;
        var pending = 0;
        for (var i = 0; i < shingles; i++)
        {
            var hash = Fnv1a(terms[i].Term, Fnv1a(terms[i + 1].Term, Fnv1a(terms[i + 2].Term, 14695981039346656037UL)));
            for (var k = 0; k < 8; k++)
            {
                lanes[k] += (hash >> k) & 0x0101010101010101UL;
            }

            if (++pending == 255)
            {
                EmptyLanes(lanes, ones);
                pending = 0;
            }
        }

        EmptyLanes(lanes, ones);
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

    private static void EmptyLanes(Span<ulong> lanes, Span<int> ones)
    {
        for (var k = 0; k < 8; k++)
        {
            for (var b = 0; b < 8; b++)
            {
                ones[(8 * b) + k] += (int)((lanes[k] >> (8 * b)) & 0xFF);
            }

            lanes[k] = 0;
        }
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
