using System.Globalization;
using CgtAtlas.Insights;
using Xunit.Abstractions;

namespace CgtAtlas.Core.Tests.Insights;

/// <summary>
/// Section accuracy on the labelled briefs: for each key sentence, does the composer file it under the section a
/// reader would? Five body sections, so guessing scores about 0.2 and always answering the commonest label about 0.3.
/// </summary>
public sealed class SectionAccuracyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Threshold: 0.90 (measured 0.983). The labels themselves are not unanimous — a sentence about reimbursement
    /// policy is policy to one analyst and market to another — and when we labelled a sample twice, about one sentence
    /// in ten changed section: asking more would tune the classifier to our own wording.
    /// </summary>
    public const double Threshold = 0.90;

    /// <summary>
    /// Held-out floor: 0.82 (measured 0.926 over 19 documents / 95 sentences; 0.852 on the first batch, h01–h08, the
    /// batch written furthest from the current cue families). One sentence moves the figure by about one point; the
    /// floor sits three points under the weaker batch so a new, differently worded batch does not fail it by chance.
    /// </summary>
    public const double HoldoutThreshold = 0.82;

    private static readonly BriefComposer Composer = new();

    [Fact]
    public void Labelled_set_has_enough_documents_in_both_languages()
    {
        var docs = LabelledBriefs.Load();
        Assert.True(docs.Count >= 25, $"{docs.Count} labelled documents");
        Assert.True(docs.Count(d => d.Name.Contains("_zh_", StringComparison.Ordinal)) >= 10);
        Assert.True(docs.Count(d => d.Name.Contains("_en_", StringComparison.Ordinal)) >= 10);
        Assert.True(docs.Count(d => d.Name.Contains("_mixed_", StringComparison.Ordinal)) >= 2);
        Assert.True(docs.Sum(d => d.Sentences.Count) >= 100);
        var holdout = LabelledBriefs.Load("holdout");
        Assert.True(holdout.Count >= 12, $"{holdout.Count} held-out documents");
        Assert.True(holdout.Sum(d => d.Sentences.Count) >= 60);
        Assert.True(holdout.Count(d => d.Name.Contains("_zh_", StringComparison.Ordinal)) >= 4);
        Assert.True(holdout.Count(d => d.Name.Contains("_en_", StringComparison.Ordinal)) >= 4);
        foreach (var doc in docs.Concat(holdout))
        {
            foreach (var (text, section) in doc.Sentences)
            {
                Assert.Contains(section, BriefSections.Order);
                Assert.True(doc.Paragraphs.Any(p => p.Text.Contains(text, StringComparison.Ordinal)), $"{doc.Name}: not in any paragraph: {text}");
            }
        }
    }

    [Fact]
    public void Section_accuracy_meets_the_threshold()
    {
        var accuracy = Accuracy(LabelledBriefs.Load(), details: true);
        Assert.True(accuracy >= Threshold, string.Create(CultureInfo.InvariantCulture, $"tuning section accuracy {accuracy:P1} < {Threshold:P0}"));
    }

    [Fact]
    public void Holdout_section_accuracy_meets_its_threshold()
    {
        // Per-sentence details are not printed: reading them would turn the held-out set into tuning data.
        var accuracy = Accuracy(LabelledBriefs.Load("holdout"), details: false);
        Assert.True(accuracy >= HoldoutThreshold, string.Create(CultureInfo.InvariantCulture, $"holdout section accuracy {accuracy:P1} < {HoldoutThreshold:P0}"));
    }

    private double Accuracy(IReadOnlyList<LabelledBrief> docs, bool details)
    {
        int total = 0, correct = 0;
        var confusion = new Dictionary<(string Expected, string Got), int>();
        foreach (var doc in docs)
        {
            var classified = Composer.ClassifySentences(doc.Paragraphs, doc.Published);
            foreach (var (text, expected) in doc.Sentences)
            {
                var got = Find(classified, text)?.Section ?? "(none)";
                total++;
                confusion[(expected, got)] = confusion.GetValueOrDefault((expected, got)) + 1;
                if (got == expected)
                {
                    correct++;
                }
                else if (details)
                {
                    output.WriteLine($"{doc.Name}: expected {expected}, got {got}: {text}");
                }
            }
        }

        var accuracy = (double)correct / total;
        PrintConfusion(confusion);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"section accuracy {accuracy:F3} ({correct}/{total}) over {docs.Count} documents"));
        return accuracy;
    }

    /// <summary>Rows: the labelled section; columns: the section given; then each section's recall.</summary>
    private void PrintConfusion(Dictionary<(string Expected, string Got), int> confusion)
    {
        var body = BriefSections.Order.Skip(1).Append("(none)").ToList();
        static string Short(string key) => key == "(none)" ? "none" : key[..Math.Min(8, key.Length)];
        output.WriteLine($"{"labelled \\ given",-20}" + string.Concat(body.Select(k => $"{Short(k),10}")) + $"{"recall",10}");
        foreach (var expected in body.Where(e => confusion.Keys.Any(k => k.Expected == e)))
        {
            var row = body.Select(got => confusion.GetValueOrDefault((expected, got))).ToList();
            var recall = (double)confusion.GetValueOrDefault((expected, expected)) / row.Sum();
            output.WriteLine($"{expected,-20}" + string.Concat(row.Select(n => $"{n,10}")) + string.Create(CultureInfo.InvariantCulture, $"{recall,10:F2}"));
        }
    }

    private static ClassifiedSentence? Find(IReadOnlyList<ClassifiedSentence> classified, string text) =>
        classified.FirstOrDefault(c => c.Text == text)
        ?? classified.FirstOrDefault(c => text.Contains(c.Text, StringComparison.Ordinal) || c.Text.Contains(text, StringComparison.Ordinal));
}
