using CgtAtlas.Analytics;
using CgtAtlas.Knowledge;

namespace CgtAtlas.Web.Services;

/// <summary>
/// The trials dashboard of <c>/landscape</c>: imported CGT trials counted by <see cref="TrialStatistics"/>, and the
/// records behind one bar (a country or a modality), so a chart and the list it links to always agree.
/// </summary>
public sealed class TrialDashboard(LibraryGate gate)
{
    /// <summary>The dimensions the landscape page charts.</summary>
    public static readonly IReadOnlyList<string> Charted = ["country", "modality"];

    /// <summary>Counts by <paramref name="dimensions"/> (canonical names from <see cref="TrialStatistics.NormalizeDimension"/>).</summary>
    public TrialReport Report(IReadOnlyList<string> dimensions, bool cgtOnly = true) => TrialStatistics.Compute(gate.AllTrials(), dimensions, cgtOnly);

    /// <summary>
    /// The trials behind the chosen bars (every filter must hold), ordered by NCT id; null when a value is not a bar of
    /// its chart (an unknown country or modality).
    /// </summary>
    public IReadOnlyList<ClinicalTrial>? Records(IReadOnlyDictionary<string, string> filters)
    {
        var trials = gate.AllTrials();
        var report = TrialStatistics.Compute(trials, filters.Keys.ToList());
        IEnumerable<string>? ids = null;
        foreach (var breakdown in report.Breakdowns)
        {
            var row = breakdown.Rows.FirstOrDefault(r => string.Equals(r.Key, filters[breakdown.Dimension], StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                return null;
            }

            ids = ids is null ? row.NctIds : ids.Intersect(row.NctIds, StringComparer.Ordinal);
        }

        var wanted = (ids ?? trials.Where(t => t.IsCgt).Select(t => t.NctId)).ToHashSet(StringComparer.Ordinal);
        return trials.Where(t => wanted.Contains(t.NctId)).OrderBy(t => t.NctId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The list page of one bar.</summary>
    public static string Link(string dimension, string value) => $"/landscape/trials?{dimension}={Uri.EscapeDataString(value)}";

    /// <summary>The public registry page of a trial.</summary>
    public static string RegistryUrl(string nctId) => "https://clinicaltrials.gov/study/" + Uri.EscapeDataString(nctId);
}
