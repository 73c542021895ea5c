using System.Globalization;
using CgtAtlas.Knowledge;

namespace CgtAtlas.Analytics;

/// <summary>One row of a trial breakdown.</summary>
/// <param name="Key">The value (a country, a modality …).</param>
/// <param name="Count">Trials with that value.</param>
/// <param name="Share">Count divided by the trials counted (a trial in three countries counts once in each, so shares by country can add to more than 1).</param>
/// <param name="NctIds">The trials.</param>
public sealed record TrialCount(string Key, int Count, double Share, IReadOnlyList<string> NctIds);

/// <summary>A breakdown by one dimension.</summary>
/// <param name="Dimension">country, modality, phase, status or year.</param>
/// <param name="Rows">Largest first (years in order).</param>
public sealed record TrialBreakdown(string Dimension, IReadOnlyList<TrialCount> Rows);

/// <summary>The result of <see cref="TrialStatistics.Compute"/>.</summary>
/// <param name="Total">Trials counted.</param>
/// <param name="CgtOnly">Whether only CGT trials were counted.</param>
/// <param name="Breakdowns">One per requested dimension.</param>
public sealed record TrialReport(int Total, bool CgtOnly, IReadOnlyList<TrialBreakdown> Breakdowns);

/// <summary>Counts and shares of stored trials by country, modality, phase, status and start year.</summary>
public static class TrialStatistics
{
    /// <summary>The dimensions understood (aliases: countries, modalities, phases, statuses, year, start-year).</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["country", "modality", "phase", "status", "year"];

    /// <summary>Maps a user's dimension word to a canonical one, or null.</summary>
    public static string? NormalizeDimension(string name) => name.Trim().ToLowerInvariant() switch
    {
        "country" or "countries" => "country",
        "modality" or "modalities" => "modality",
        "phase" or "phases" => "phase",
        "status" or "statuses" => "status",
        "year" or "start-year" or "start_year" or "startyear" or "start" => "year",
        _ => null,
    };

    /// <summary>Computes the breakdowns; <paramref name="cgtOnly"/> keeps CGT trials only.</summary>
    public static TrialReport Compute(IReadOnlyList<ClinicalTrial> trials, IReadOnlyList<string> dimensions, bool cgtOnly = true)
    {
        var counted = trials.Where(t => !cgtOnly || t.IsCgt).ToList();
        var breakdowns = new List<TrialBreakdown>();
        foreach (var dimension in dimensions)
        {
            var pairs = counted.SelectMany(t => Values(t, dimension).Select(v => (Value: v, t.NctId)));
            var rows = pairs.GroupBy(p => p.Value)
                .Select(g => new TrialCount(g.Key, g.Select(p => p.NctId).Distinct().Count(),
                    counted.Count == 0 ? 0 : Math.Round((double)g.Select(p => p.NctId).Distinct().Count() / counted.Count, 4),
                    g.Select(p => p.NctId).Distinct().Order(StringComparer.Ordinal).ToList()));
            rows = dimension == "year" ? rows.OrderBy(r => r.Key, StringComparer.Ordinal) : rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal);
            breakdowns.Add(new TrialBreakdown(dimension, rows.ToList()));
        }

        return new TrialReport(counted.Count, cgtOnly, breakdowns);
    }

    private static IEnumerable<string> Values(ClinicalTrial trial, string dimension) => dimension switch
    {
        "country" => trial.Countries.Count == 0 ? ["(none)"] : trial.Countries,
        "modality" => [trial.Modality ?? "(not CGT)"],
        "phase" => [trial.PhaseLabel],
        "status" => [trial.OverallStatus ?? "unknown"],
        "year" => [trial.StartDate?.Year.ToString(CultureInfo.InvariantCulture) ?? "unknown"],
        _ => throw new ArgumentException($"unknown dimension '{dimension}'", nameof(dimension)),
    };
}
