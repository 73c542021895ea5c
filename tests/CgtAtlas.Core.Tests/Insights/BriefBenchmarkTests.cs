using System.Diagnostics;
using System.Globalization;
using System.Text;
using CgtAtlas.Documents;
using CgtAtlas.Insights;
using Xunit.Abstractions;

namespace CgtAtlas.Core.Tests.Insights;

/// <summary>
/// Reports (does not assert) the time to brief a 5,000-character article after start-up, facts extraction included
/// and no cache: timings depend on the machine, so a threshold here would make the suite flaky. CPU time is printed
/// beside wall-clock time because a loaded build machine inflates the latter.
/// </summary>
public sealed class BriefBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Reports_time_to_brief_a_5000_character_article()
    {
        foreach (var file in new[] { "reports/zh-cgt-bluebook-14-products-2025-09.md", "news/en-china-cgt-licensing-deals-2025-10.md" })
        {
            var paragraphs = Article(Path.Combine(TestPaths.Corpus, file), 5000);
            var chars = paragraphs.Sum(p => p.Text.Length);
            var composer = new BriefComposer();
            var published = new DateOnly(2025, 9, 18);
            for (var i = 0; i < 30; i++)
            {
                composer.Compose("bench", paragraphs, published, "en"); // start-up: regexes compiled, code jitted and tiered up
            }

            const int runs = 50;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var bullets = 0;
            for (var i = 0; i < runs; i++)
            {
                bullets += composer.Compose("bench", paragraphs, published, i % 2 == 0 ? "en" : "zh").Sections.Sum(s => s.Bullets.Count);
            }

            watch.Stop();
            var cpuPerBrief = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
            var extractor = new CgtAtlas.Facts.FactExtractor();
            var facts = extractor.Extract(paragraphs, published);
            var extract = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                extractor.Extract(paragraphs, published);
            }

            extract.Stop();
            var compose = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                composer.Compose("bench", paragraphs, published, i % 2 == 0 ? "en" : "zh", facts);
            }

            compose.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  of which fact extraction {extract.Elapsed.TotalMilliseconds / runs:F2} ms, composing from facts {compose.Elapsed.TotalMilliseconds / runs:F2} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file)}: {chars} characters, {paragraphs.Count} paragraphs: {watch.Elapsed.TotalMilliseconds / runs:F2} ms per brief wall clock, {cpuPerBrief:F2} ms CPU (whole process; {bullets / runs} bullets)"));
            Assert.True(bullets > 0);
        }
    }

    /// <summary>The sample's paragraphs (front matter dropped), repeated until the article has <paramref name="size"/> characters.</summary>
    private static List<Paragraph> Article(string path, int size)
    {
        var text = File.ReadAllText(path);
        if (text.StartsWith("---", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        }

        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(b => b.Normalize(NormalizationForm.FormKC).Replace('\n', ' ')).ToList();
        var result = new List<Paragraph>();
        var total = 0;
        for (var i = 0; total < size; i++)
        {
            var block = blocks[i % blocks.Count];
            if (total + block.Length > size)
            {
                block = block[..(size - total)];
            }

            result.Add(new Paragraph(result.Count + 1, block, Language.Zh));
            total += block.Length;
        }

        return result;
    }
}
