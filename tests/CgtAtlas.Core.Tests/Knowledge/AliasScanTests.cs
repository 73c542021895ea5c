using CgtAtlas.Knowledge;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Knowledge;

/// <summary><see cref="AliasIndex.Scan"/> (a walk over names as paths of terms) against the rule written the plain way.</summary>
public sealed class AliasScanTests
{
    private static readonly AliasIndex Index = KnowledgeFixture.Kb.AliasIndex;

    [Fact]
    public void Scanning_finds_exactly_what_trying_every_length_at_every_token_finds()
    {
        var texts = Directory.EnumerateFiles(TestPaths.Corpus, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.TestData, "facts"), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllText(f).Split("\n\n"))
            .SelectMany(p => new[] { p, p.ToUpperInvariant() })
            .ToList();
        var matches = 0;
        var shortChinese = 0;
        foreach (var text in texts)
        {
            foreach (var segmenter in new[] { null, TextServices.Default.Segmenter })
            {
                var expected = Plain(text, segmenter);
                Assert.Equal(expected, Index.Scan(text, segmenter));
                matches += expected.Count;
                shortChinese += expected.Count(m => m.Length <= 2 && CharClass.IsHan(m.Surface[0]));
            }
        }

        // The comparison means something only if names of every kind were found.
        Assert.True(texts.Count > 1000, $"{texts.Count} texts");
        Assert.True(matches > 2000, $"{matches} matches");
        Assert.True(shortChinese > 20, $"{shortChinese} short Chinese names");
    }

    // The rule as first written: at each token try every length from the longest name down; the first that is contiguous,
    // is a name and (for a one- or two-character Chinese name) begins a word wins. (The word check itself is shared.)
    private static List<AliasMatch> Plain(string text, ChineseSegmenter? segmenter)
    {
        var normalized = TextNormalizer.Normalize(text);
        var tokens = TextServices.Default.Analyzer.Analyze(normalized);
        AliasMatch? NameAt(int first, int length)
        {
            var span = tokens.GetRange(first, length);
            var gaps = span.Zip(span.Skip(1), (a, b) => normalized[(a.Start + a.Length)..b.Start]);
            var (start, end) = (span[0].Start, span[^1].Start + span[^1].Length);
            var isName = !gaps.Any(g => g.Any(c => " -./()®™·".IndexOf(c) < 0)) && Index.FindKey(Glossary.KeyOf(span)) is not null;
            var beginsWord = segmenter is null || end - start > 2 || AliasIndex.IsChineseWord(normalized, start, end, segmenter);
            return isName && beginsWord ? new AliasMatch(start, end - start, normalized[start..end], Index.FindKey(Glossary.KeyOf(span))!.Value) : null;
        }

        var matches = new List<AliasMatch>();
        for (var i = 0; i < tokens.Count;)
        {
            var longest = Math.Min(Index.LongestAliasTokens, tokens.Count - i);
            var found = Enumerable.Range(1, longest).Reverse().Select(length => (Length: length, Match: NameAt(i, length)))
                .FirstOrDefault(c => c.Match is not null);
            matches.AddRange(found.Match is { } match ? [match] : []);
            i += found.Match is null ? 1 : found.Length;
        }

        return matches;
    }
}
