using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Documents;

public sealed class SimHashTests
{
    [Theory]
    [InlineData(60, 1)]
    [InlineData(257, 2)]
    [InlineData(600, 3)]
    [InlineData(5000, 4)]
    public void Fingerprint_sets_each_bit_the_majority_of_shingle_hashes_set(int terms, int seed)
    {
        var random = new Random(seed);
        var tokens = Enumerable.Range(0, terms).Select(i => new Token(Word(random), i * 4, 3, false)).ToList();

        Assert.Equal(ByDefinition(tokens), SimHash.Compute(tokens));
    }

    [Fact]
    public void Long_repetitive_text_counts_every_shingle()
    {
        // Three hashes repeated 1,000 times: every set bit is set by hundreds of shingles in a row.
        var tokens = Enumerable.Range(0, 3000).Select(i => new Token(((char)('x' + i % 3)).ToString(), i, 1, false)).ToList();

        Assert.Equal(ByDefinition(tokens), SimHash.Compute(tokens));
    }

    [Fact]
    public void Too_few_terms_have_no_fingerprint() =>
        Assert.Null(SimHash.Compute(Enumerable.Range(0, SimHash.MinimumTerms - 1).Select(i => new Token("w" + i, i, 2, false)).ToList()));

    [Fact]
    public void A_lightly_edited_copy_is_near_and_an_unrelated_text_is_not()
    {
        var random = new Random(7);
        var original = Enumerable.Range(0, 800).Select(i => new Token(Word(random), i, 1, false)).ToList();
        var edited = original.ToList();
        edited[100] = new Token("changed", 100, 1, false);
        edited.RemoveRange(400, 5);
        var other = Enumerable.Range(0, 800).Select(i => new Token(Word(random), i, 1, false)).ToList();

        var a = SimHash.Compute(original)!.Value;
        Assert.True(SimHash.Distance(a, SimHash.Compute(edited)!.Value) <= SimHash.NearDuplicateDistance);
        Assert.True(SimHash.Distance(a, SimHash.Compute(other)!.Value) > SimHash.NearDuplicateDistance);
    }

    private static string Word(Random random) => ((char)('a' + random.Next(26))).ToString() + (char)('a' + random.Next(26));

    /// <summary>The textbook SimHash: +1/−1 per bit of each 3-term shingle's FNV-1a hash (terms separated by 0x1F).</summary>
    private static ulong ByDefinition(IReadOnlyList<Token> tokens)
    {
        var weights = new int[64];
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            var hash = 14695981039346656037UL;
            foreach (var term in new[] { tokens[i + 2].Term, tokens[i + 1].Term, tokens[i].Term })
            {
                foreach (var c in term)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ 0x1F) * 1099511628211UL;
            }

            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }
}
