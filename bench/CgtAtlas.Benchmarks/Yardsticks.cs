using CgtAtlas.Documents;

namespace CgtAtlas.Benchmarks;

/// <summary>Code that CgtAtlas replaced, kept so the profile can show what the replacement gained on the same input.</summary>
internal static class Yardsticks
{
    /// <summary>
    /// The near-duplicate search as ingest did it before <see cref="NearDuplicateIndex"/>: a walk over a list of
    /// (group, fingerprint) pairs. Adds the fingerprint to <paramref name="pairs"/> like ingest did, and returns the group
    /// found.
    /// </summary>
    public static long? LinearNearDuplicateScan(List<(long Id, ulong SimHash)> pairs, ulong fingerprint, long id)
    {
        long? nearDuplicateOf = null;
        var best = SimHash.NearDuplicateDistance + 1;
        foreach (var (group, other) in pairs)
        {
            var distance = SimHash.Distance(fingerprint, other);
            if (distance < best)
            {
                best = distance;
                nearDuplicateOf = group;
            }
        }

        pairs.Add((nearDuplicateOf ?? id, fingerprint));
        return nearDuplicateOf;
    }
}
