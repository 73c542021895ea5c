using System.Globalization;
using CgtAtlas.Ingest;
using CgtAtlas.Search;
using Xunit.Abstractions;

namespace CgtAtlas.Core.Tests;

/// <summary>
/// Retrieval quality on the labelled set (tests/data/search-judgements.tsv: query → relevant sample files).
/// Reports precision@5 (over min(5, relevant) so a query with 2 relevant documents can score 1.0) and MRR.
/// </summary>
public sealed class SearchQualityTests(ITestOutputHelper output)
{
    /// <summary>Thresholds: see the issue note for the measured figures these sit below.</summary>
    private const double MinPrecisionAt5 = 0.80;
    private const double MinMrr = 0.85;

    [Fact]
    public void Labelled_queries_meet_precision_and_mrr_thresholds()
    {
        using var temp = new TempLibrary();
        var report = temp.Library.Ingest([TestPaths.Corpus]);
        Assert.Empty(report.Failed);
        var idByPath = report.Documents.ToDictionary(d => Relative(d.Path), d => d.Id, StringComparer.Ordinal);
        foreach (var duplicate in report.Duplicates)
        {
            idByPath[Relative(duplicate.Path)] = duplicate.DuplicateOf;
        }

        // Near-duplicates collapse into their first copy in results: judge them as that copy.
        var canonical = report.Documents.ToDictionary(d => d.Id, d => d.NearDuplicateOf ?? d.Id);

        var lines = File.ReadAllLines(Path.Combine(TestPaths.TestData, "search-judgements.tsv")).Skip(1).Where(l => l.Trim().Length > 0).ToList();
        Assert.True(lines.Count >= 30, $"only {lines.Count} labelled queries");
        double precisionSum = 0, reciprocalSum = 0;
        foreach (var line in lines)
        {
            var columns = line.Split('\t');
            var query = columns[0];
            var relevant = columns[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => idByPath.TryGetValue(p, out var id) ? canonical.GetValueOrDefault(id, id) : throw new InvalidOperationException($"unknown file {p}"))
                .ToHashSet();
            var hits = temp.Library.Search(new SearchRequest { Query = query, Limit = 10 }).Hits.Select(h => h.Id).ToList();
            var top5 = hits.Take(5).Count(relevant.Contains);
            var precision = (double)top5 / Math.Min(5, relevant.Count);
            var rank = hits.FindIndex(relevant.Contains);
            var reciprocal = rank < 0 ? 0 : 1.0 / (rank + 1);
            precisionSum += precision;
            reciprocalSum += reciprocal;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{precision,5:0.00} {reciprocal,5:0.00}  {query}"));
        }

        var p5 = precisionSum / lines.Count;
        var mrr = reciprocalSum / lines.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queries={lines.Count} P@5={p5:0.000} MRR={mrr:0.000}"));
        Assert.True(p5 >= MinPrecisionAt5, $"P@5 {p5:0.000} < {MinPrecisionAt5}");
        Assert.True(mrr >= MinMrr, $"MRR {mrr:0.000} < {MinMrr}");
    }

    private static string Relative(string path)
    {
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? path : path[..hash];
        var relative = Path.GetRelativePath(TestPaths.Corpus, file).Replace('\\', '/');
        return hash < 0 ? relative : relative + path[hash..];
    }
}
