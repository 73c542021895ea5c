using System.Numerics;
using CgtAtlas.Documents;

namespace CgtAtlas.Core.Tests.Documents;

public sealed class NearDuplicateIndexTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Finds_the_same_fingerprint_as_a_plain_scan_at_every_length_and_distance(int seed)
    {
        var random = new Random(seed);
        for (var length = 0; length <= 67; length++)
        {
            var stored = Enumerable.Range(0, length).Select(_ => Random64(random)).ToArray();
            // Plant copies of stored fingerprints at every distance around the threshold, some twice (ties), at every
            // position of the four-wide vector and the tail.
            for (var trial = 0; trial < 40; trial++)
            {
                var query = length > 0 && trial % 4 != 0
                    ? Flip(stored[random.Next(length)], random.Next(0, SimHash.NearDuplicateDistance + 4), random)
                    : Random64(random);
                if (length > 2 && trial % 5 == 0)
                {
                    stored[random.Next(length)] = Flip(query, random.Next(0, 9), random);
                }

                Assert.Equal(Reference(stored, query), NearDuplicateIndex.Closest(stored, query));
            }
        }
    }

    [Fact]
    public void A_tie_goes_to_the_fingerprint_added_first()
    {
        var query = 0xF0F0_F0F0_F0F0_F0F0UL;
        // Three at distance 2 (positions 1, 5 and 6: inside and across the four-wide blocks), one further away.
        var stored = new[] { query ^ 0xFF, query ^ 0b11, Random64(new Random(4)), query ^ 0xF, query ^ 0x7, query ^ 0x3000, query ^ 0x0101, query ^ (7UL << 60) };
        Assert.Equal(1, NearDuplicateIndex.Closest(stored, query));
        Assert.Equal(Reference(stored, query), NearDuplicateIndex.Closest(stored, query));
    }

    [Fact]
    public void Nothing_beyond_the_threshold_is_a_near_duplicate()
    {
        var query = 0UL;
        var justOver = (1UL << (SimHash.NearDuplicateDistance + 1)) - 1;
        var atThreshold = (1UL << SimHash.NearDuplicateDistance) - 1;
        var index = new NearDuplicateIndex([(10, justOver), (11, justOver << 20), (12, ~0UL), (13, justOver << 3)]);
        Assert.Null(index.FindClosest(query));

        index.Add(14, atThreshold << 30);
        Assert.Equal(14, index.FindClosest(query));
    }

    [Fact]
    public void Groups_follow_the_fingerprints_through_growth_and_a_moved_group()
    {
        var random = new Random(7);
        var index = new NearDuplicateIndex([(1, 0x1111UL)]);
        var fingerprints = new List<ulong> { 0x1111UL };
        for (var id = 2; id <= 100; id++)
        {
            var fingerprint = Random64(random);
            fingerprints.Add(fingerprint);
            index.Add(id, fingerprint);
        }

        index.Add(1, 0x1113UL);
        Assert.Equal(101, index.Count);
        Assert.Equal(1, index.FindClosest(0x1111UL));
        Assert.Equal(50, index.FindClosest(fingerprints[49] ^ 0b101));

        index.MoveGroup(1, 200);
        Assert.Equal(200, index.FindClosest(0x1111UL));
        Assert.Equal(200, index.FindClosest(0x1113UL));
        Assert.Equal(50, index.FindClosest(fingerprints[49]));
    }

    private static int Reference(ulong[] stored, ulong query)
    {
        var best = SimHash.NearDuplicateDistance + 1;
        var found = -1;
        for (var i = 0; i < stored.Length; i++)
        {
            var distance = BitOperations.PopCount(stored[i] ^ query);
            if (distance < best)
            {
                best = distance;
                found = i;
            }
        }

        return found;
    }

    private static ulong Random64(Random random) => unchecked((ulong)random.NextInt64() ^ ((ulong)random.Next() << 33));

    private static ulong Flip(ulong value, int bits, Random random)
    {
        var flipped = value;
        var chosen = new HashSet<int>();
        while (chosen.Count < bits)
        {
            chosen.Add(random.Next(64));
        }

        foreach (var bit in chosen)
        {
            flipped ^= 1UL << bit;
        }

        return flipped;
    }
}
