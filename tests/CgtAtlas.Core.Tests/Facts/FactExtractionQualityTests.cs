using System.Globalization;
using CgtAtlas.Facts;
using Xunit.Abstractions;

namespace CgtAtlas.Core.Tests.Facts;

/// <summary>
/// Precision and recall of the extractor on the labelled documents. The tuning set was used while writing rules;
/// the held-out set was not, so its numbers are the honest estimate. A match is paragraph + kind + value (±0.5 %) + unit.
/// </summary>
public sealed class FactExtractionQualityTests(ITestOutputHelper output)
{
    private static readonly FactExtractor Extractor = new();

    [Fact]
    public void Tuning_set_meets_precision_and_recall()
    {
        var score = Score(LabelledFacts.Load(LabelledFacts.DataRoot()), details: true);
        Report("tuning", score);
        Assert.True(score.Precision >= 0.90, $"tuning precision {score.Precision:P1} < 90%");
        Assert.True(score.Recall >= 0.80, $"tuning recall {score.Recall:P1} < 80%");
    }

    [Fact]
    public void Holdout_set_meets_precision_and_recall()
    {
        // Per-fact details are not printed for the held-out set: reading them would turn it into tuning data.
        var score = Score(LabelledFacts.Load(Path.Combine(LabelledFacts.DataRoot(), "holdout")), details: false);
        Report("holdout", score);
        Assert.True(score.Precision >= 0.80, $"holdout precision {score.Precision:P1} < 80%");
        Assert.True(score.Recall >= 0.70, $"holdout recall {score.Recall:P1} < 70%");
    }

    [Fact]
    public void Every_labelled_document_is_loaded()
    {
        var root = LabelledFacts.DataRoot();
        Assert.True(LabelledFacts.Load(root).Count >= 20);
        Assert.True(LabelledFacts.Load(Path.Combine(root, "holdout")).Count >= 10);
    }

    [Fact]
    public void Evidence_is_an_exact_substring_of_its_paragraph()
    {
        var root = LabelledFacts.DataRoot();
        foreach (var doc in LabelledFacts.Load(root).Concat(LabelledFacts.Load(Path.Combine(root, "holdout"))))
        {
            foreach (var fact in Extractor.Extract(doc.Paragraphs, doc.Published))
            {
                var paragraph = doc.Paragraphs.Single(p => p.Number == fact.Paragraph);
                Assert.Contains(fact.Evidence, paragraph.Text, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(fact.Evidence));
            }
        }
    }

    private void Report(string set, SetScore s)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set}: precision {s.Precision:F3} ({s.Matched}/{s.Extracted}), recall {s.Recall:F3} ({s.Matched}/{s.Expected}), documents {s.Documents}"));
        foreach (var (field, (right, total)) in s.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {field} accuracy on matched facts that state it: {right}/{total}"));
        }

        foreach (var line in s.Details)
        {
            output.WriteLine(line);
        }
    }

    private sealed record SetScore(int Matched, int Extracted, int Expected, int Documents, Dictionary<string, (int Right, int Total)> Fields,
        List<string> Details)
    {
        public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;

        public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;
    }

    private static SetScore Score(IReadOnlyList<LabelledDocument> docs, bool details)
    {
        int matched = 0, extracted = 0, expected = 0;
        var fields = new Dictionary<string, (int Right, int Total)>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var doc in docs)
        {
            var actual = Extractor.Extract(doc.Paragraphs, doc.Published).ToList();
            extracted += actual.Count;
            expected += doc.Facts.Count;
            var unused = new List<Fact>(actual);
            foreach (var e in doc.Facts)
            {
                var hit = unused.FirstOrDefault(a => Matches(e, a));
                if (hit is null)
                {
                    if (details)
                    {
                        lines.Add($"  MISSED {doc.Name} p{e.Paragraph} {e.Kind} {e.Value?.ToString(CultureInfo.InvariantCulture)} {e.Unit} {e.Qualifier}");
                    }

                    continue;
                }

                unused.Remove(hit);
                matched++;
                Field(fields, "qualifier", e.Qualifier, hit.Qualifier);
                Field(fields, "modality", e.Modality, hit.Modality);
                Field(fields, "region", e.Region, hit.Region);
                Field(fields, "agency", e.Agency, hit.Agency);
                Field(fields, "product", e.Product, hit.Product);
                Field(fields, "company", e.Company, hit.Company);
                Field(fields, "date", e.Date, hit.Date);
                if (details)
                {
                    foreach (var (name, want, got) in new[]
                    {
                        ("qualifier", e.Qualifier, hit.Qualifier), ("modality", e.Modality, hit.Modality), ("region", e.Region, hit.Region),
                        ("agency", e.Agency, hit.Agency), ("product", e.Product, hit.Product), ("company", e.Company, hit.Company),
                        ("date", e.Date, hit.Date),
                    })
                    {
                        if (want is not null && !string.Equals(want, got, StringComparison.Ordinal))
                        {
                            lines.Add($"  field {doc.Name} p{e.Paragraph} {e.Kind} {e.Value?.ToString(CultureInfo.InvariantCulture)}: {name} want {want} got {got ?? "null"}");
                        }
                    }
                }
            }

            if (details)
            {
                foreach (var a in unused)
                {
                    lines.Add($"  EXTRA  {doc.Name} p{a.Paragraph} {a.Kind} {a.Value?.ToString(CultureInfo.InvariantCulture)} {a.Unit} {a.Qualifier} | {a.Evidence}");
                }
            }
        }

        return new SetScore(matched, extracted, expected, docs.Count, fields, lines);
    }

    private static void Field(Dictionary<string, (int Right, int Total)> fields, string name, string? want, string? got)
    {
        if (want is null)
        {
            return;
        }

        var (right, total) = fields.GetValueOrDefault(name);
        fields[name] = (right + (string.Equals(want, got, StringComparison.Ordinal) ? 1 : 0), total + 1);
    }

    private static bool Matches(ExpectedFact e, Fact a)
    {
        if (e.Paragraph != a.Paragraph || e.Kind != a.Kind || !string.Equals(e.Unit, a.Unit, StringComparison.Ordinal))
        {
            return false;
        }

        if (e.Value is null || a.Value is null)
        {
            return e.Value is null && a.Value is null;
        }

        var tolerance = Math.Abs(e.Value.Value) * 0.005;
        return Math.Abs(e.Value.Value - a.Value.Value) <= Math.Max(tolerance, 1e-9);
    }
}
