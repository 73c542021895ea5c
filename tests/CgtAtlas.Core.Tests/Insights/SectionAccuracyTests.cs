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
    /// Threshold: 0.75. The labels themselves are not unanimous — a sentence about reimbursement policy is policy to
    /// one analyst and market to another — and when we labelled a sample twice, about one sentence in ten changed
    /// section. Asking more than three in four of a rule-based classifier would tune it to our own wording.
    /// </summary>
    public const double Threshold = 0.75;

    /// <summary>The held-out set (written before its sentences were ever classified) is small (8 documents), so one
    /// sentence moves its accuracy by about 4 points: its floor sits one notch lower.</summary>
    public const double HoldoutThreshold = 0.70;

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
        foreach (var doc in docs)
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
                if (got == expected)
                {
                    correct++;
                }
                else if (details)
                {
                    output.WriteLine($"{doc.Name}: expected {expected}, got {got}: {text}");
                    confusion[(expected, got)] = confusion.GetValueOrDefault((expected, got)) + 1;
                }
            }
        }

        var accuracy = (double)correct / total;
        foreach (var ((expected, got), n) in confusion.OrderByDescending(kv => kv.Value))
        {
            output.WriteLine($"  {expected} -> {got}: {n}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"section accuracy {accuracy:F3} ({correct}/{total}) over {docs.Count} documents"));
        return accuracy;
    }

    private static ClassifiedSentence? Find(IReadOnlyList<ClassifiedSentence> classified, string text) =>
        classified.FirstOrDefault(c => c.Text == text)
        ?? classified.FirstOrDefault(c => text.Contains(c.Text, StringComparison.Ordinal) || c.Text.Contains(text, StringComparison.Ordinal));
}
