using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CgtAtlas.Documents;

/// <summary>
/// The SimHash fingerprints of a library, each with the document that heads its near-duplicate group, searched for the
/// closest fingerprint within <see cref="SimHash.NearDuplicateDistance"/> bits.
/// </summary>
/// <remarks>
/// Ingest asks once per document, so the search is quadratic over a whole ingest: 5·10⁹ comparisons for 100,000
/// documents, where it was the largest piece of the writing thread's own code. The fingerprints sit in one array of
/// their own, compared four at a time with AVX2 where the processor has it (a plain loop otherwise, with the same
/// result). An index of bands (pigeonhole over 64 bits) would need nine bands of seven bits for an 8-bit threshold and
/// degrades when fingerprints of one topic share bands, so the search stays exhaustive and exact.
/// </remarks>
public sealed class NearDuplicateIndex
{
    private ulong[] _fingerprints;
    private long[] _groups;

    /// <summary>Creates an index of existing fingerprints, in the order given (ties go to the earlier entry).</summary>
    public NearDuplicateIndex(IEnumerable<(long Group, ulong SimHash)> existing)
    {
        var entries = existing.ToList();
        _fingerprints = new ulong[Math.Max(16, entries.Count)];
        _groups = new long[_fingerprints.Length];
        foreach (var (group, fingerprint) in entries)
        {
            Add(group, fingerprint);
        }
    }

    /// <summary>Number of fingerprints held.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The group of the closest fingerprint within <see cref="SimHash.NearDuplicateDistance"/> bits, the earliest added on
    /// a tie; null when none is that close.
    /// </summary>
    public long? FindClosest(ulong fingerprint)
    {
        var found = Closest(_fingerprints.AsSpan(0, Count), fingerprint);
        return found < 0 ? null : _groups[found];
    }

    /// <summary>Position of the closest fingerprint within the threshold (the first on a tie), or -1.</summary>
    internal static int Closest(ReadOnlySpan<ulong> fingerprints, ulong fingerprint)
    {
        var best = SimHash.NearDuplicateDistance + 1;
        var found = -1;
        var i = 0;
        if (Avx2.IsSupported && fingerprints.Length >= Vector256<ulong>.Count)
        {
            // Four distances at a time: the bits of each byte counted with a 16-entry table lookup per nibble (vpshufb),
            // then the eight byte counts of each 64-bit lane summed (vpsadbw). Lanes are looked at one by one, in order,
            // only when one of them beats the best so far, which keeps the first-on-a-tie rule of the scalar loop.
            var nibbleBits = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
            var lowNibble = Vector256.Create((byte)0x0F);
            var target = Vector256.Create(fingerprint);
            var bestLanes = Vector256.Create((ulong)best);
            ref var start = ref MemoryMarshal.GetReference(fingerprints);
            for (; i <= fingerprints.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                var differing = (Vector256.LoadUnsafe(ref start, (nuint)i) ^ target).AsByte();
                var low = Avx2.Shuffle(nibbleBits, differing & lowNibble);
                var high = Avx2.Shuffle(nibbleBits, Avx2.ShiftRightLogical(differing.AsUInt16(), 4).AsByte() & lowNibble);
                var distances = Avx2.SumAbsoluteDifferences(low + high, Vector256<byte>.Zero).AsUInt64();
                if (Vector256.LessThanAny(distances, bestLanes))
                {
                    for (var lane = 0; lane < Vector256<ulong>.Count; lane++)
                    {
                        var distance = (int)distances.GetElement(lane);
                        if (distance < best)
                        {
                            best = distance;
                            found = i + lane;
                        }
                    }

                    if (best == 0)
                    {
                        return found;
                    }

                    bestLanes = Vector256.Create((ulong)best);
                }
            }
        }

        for (; i < fingerprints.Length; i++)
        {
            var distance = BitOperations.PopCount(fingerprints[i] ^ fingerprint);
            if (distance < best)
            {
                best = distance;
                found = i;
                if (distance == 0)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Adds a fingerprint whose document belongs to the group headed by <paramref name="group"/>.</summary>
    public void Add(long group, ulong fingerprint)
    {
        if (Count == _fingerprints.Length)
        {
            Array.Resize(ref _fingerprints, Count * 2);
            Array.Resize(ref _groups, Count * 2);
        }

        _fingerprints[Count] = fingerprint;
        _groups[Count] = group;
        Count++;
    }

    /// <summary>Moves every fingerprint of one group to a new head (a later-ingested copy turned out to be the original).</summary>
    public void MoveGroup(long from, long to)
    {
        var groups = _groups.AsSpan(0, Count);
        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i] == from)
            {
                groups[i] = to;
            }
        }
    }
}
