using System.Text;
using System.Text.RegularExpressions;
using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Ingest;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Facts;

/// <summary>The compiled dictionaries the ingest scans with find exactly what the plain ones find.</summary>
public sealed class CompiledTermDictionaryTests
{
    private const string B = Rx.B;

    [Theory]
    [InlineData("国家药监局|" + B + "NMPA" + B + "|National Medical Products Administration", "国家药监局|NMPA|National Medical Products Administration", 0)]
    [InlineData("CAR-?T(?:s" + B + ")?|(?i:cabtagene)|嵌合抗原受体T", "CAR|cabtagene|嵌合抗原受体T", 0)]
    [InlineData(@"\p{IsCJKUnifiedIdeographs}{1,8}(?:司兰|司仑)", "司兰|司仑", 8)]
    [InlineData(@"\p{IsCJKUnifiedIdeographs}{1,8}赛(?=注射液|细胞注射液)", "赛", 8)]
    [InlineData("(?i)" + B + "[A-Za-z]+vec" + B, "vec", null)]
    [InlineData("cell(?:ular)? (?:and|&) gene", " gene", 12)]
    [InlineData(@"colou?r\.", "colo", 0)]
    [InlineData("(?=abc)x", "x", 0)]
    [InlineData(@"\d{2} (?:mg|kg)", "mg|kg", 3)]
    [InlineData("(?<unit>mg|kg)+", "mg|kg", 0)]
    [InlineData("ab|.{1,3}cde", "ab|cde", 3)]
    public void Finds_literals_every_match_contains_and_how_far_into_the_match(string pattern, string literals, int? lead)
    {
        var anchor = RequiredLiterals.Anchor(new Regex(pattern, RegexOptions.CultureInvariant));
        Assert.NotNull(anchor);
        Assert.Equal(literals.Split('|'), anchor.Literals);
        Assert.Equal(lead, anchor.Lead);
    }

    [Theory]
    [InlineData(@"\d+|abc")]         // one branch needs no literal
    [InlineData("a*")]               // optional
    [InlineData("[abc]+")]           // a class is not a literal
    [InlineData("(?x)a b c")]        // free spacing changes what the text means
    [InlineData(@"\x41BC|D")]        // code escapes are not read
    [InlineData(@"(a)\1")]           // back-references are not read
    [InlineData("(?(x)ab|cd)")]      // conditionals are not read
    [InlineData("a{,2}")]            // a literal brace in .NET
    public void Names_no_literal_when_a_match_may_lack_one_or_the_pattern_is_not_understood(string pattern) =>
        Assert.Null(RequiredLiterals.Anchor(new Regex(pattern, RegexOptions.CultureInvariant)));

    [Fact]
    public void Culture_sensitive_patterns_are_not_read() =>
        Assert.Null(RequiredLiterals.Anchor(new Regex("(?i)gene therapy")));

    [Fact]
    public void Every_match_of_every_dictionary_term_holds_one_of_its_literals_within_its_lead()
    {
        var checkedMatches = 0;
        foreach (var pattern in Dictionaries.SelectMany(d => d.Patterns))
        {
            if (RequiredLiterals.Anchor(pattern) is not { } anchor)
            {
                continue;
            }

            foreach (var text in CorpusTexts())
            {
                foreach (Match m in pattern.Matches(text))
                {
                    checkedMatches++;
                    var lead = Math.Min(anchor.Lead ?? int.MaxValue, m.Length);
                    Assert.Contains(anchor.Literals, l =>
                        Enumerable.Range(0, lead + 1).Any(i => m.Value.AsSpan(i).StartsWith(l, StringComparison.OrdinalIgnoreCase)));
                }
            }
        }

        Assert.True(checkedMatches > 500, $"only {checkedMatches} matches checked");
    }

    [Fact]
    public void The_windowed_stems_look_for_han_literals_that_no_other_character_matches_ignoring_case()
    {
        var windowed = Dictionaries.SelectMany(d => d.Patterns).Select(LiteralWindowMatcher.For).OfType<LiteralWindowMatcher>().ToList();
        Assert.NotEmpty(windowed);
        var everyChar = new string(Enumerable.Range(0, 0x10000).Where(c => !char.IsSurrogate((char)c)).Select(c => (char)c).ToArray());
        foreach (var letter in windowed.SelectMany(w => w.Literals).SelectMany(l => l).Distinct())
        {
            Assert.True(CharClass.IsHan(letter));
            var ignoringCase = new Regex("(?i:" + Regex.Escape(letter.ToString()) + ")", RegexOptions.CultureInvariant);
            Assert.Equal([letter.ToString()], ignoringCase.Matches(everyChar).Select(m => m.Value));
            Assert.Equal([letter.ToString()], everyChar.Select(c => c.ToString()).Where(c => string.Equals(c, letter.ToString(), StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public void Compiled_dictionaries_find_the_same_mentions_as_the_plain_ones_on_every_sample_text()
    {
        var texts = CorpusTexts().ToList();
        Assert.True(texts.Count > 100, "the sample corpus should give titles, paragraphs and bodies to compare");
        foreach (var dictionary in Dictionaries)
        {
            var compiled = dictionary.Terms.Compiled();
            foreach (var text in texts.SelectMany(t => new[] { t, t.ToUpperInvariant(), t.ToLowerInvariant() }))
            {
                Assert.Equal(dictionary.Terms.FindAll(text), compiled.FindAll(text));
            }
        }
    }

    [Fact]
    public void Compiled_dictionaries_find_the_same_mentions_in_dense_runs_of_stems()
    {
        // Random text over the stems' own characters: adjacent and overlapping candidates, runs longer and shorter
        // than the eight characters a stem may lead with, stems at the very start and end.
        var alphabet = "仑赛司兰仑生钠西注射液细胞基因阿卡替, A-cel".ToCharArray();
        var random = new Random(11);
        var modalities = ModalityResolver.Terms.Compiled();
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(ModalityResolver.Terms.FindAll(text), modalities.FindAll(text));
        }
    }

    [Fact]
    public void Document_subjects_are_the_same_as_with_the_plain_dictionaries_on_every_sample_document()
    {
        var documents = CorpusDocuments().ToList();
        Assert.True(documents.Count >= 40);
        Assert.Contains(documents, d => DocumentSubjects.Find(d.Title, d.Paragraphs).Count > 0);
        foreach (var document in documents)
        {
            var expected = DocumentSubjects.Find(document.Title, document.Paragraphs, ModalityResolver.Terms, AgencyResolver.Agencies);
            Assert.Equal(expected, DocumentSubjects.Find(document.Title, document.Paragraphs));
        }
    }

    private sealed record ShippedDictionary(TermDictionary Terms)
    {
        public IReadOnlyList<Regex> Patterns { get; } = Terms.Patterns;
    }

    private static IEnumerable<ShippedDictionary> Dictionaries =>
    [
        new(ModalityResolver.Terms),
        new(AgencyResolver.Agencies),
        new(AgencyResolver.Regions),
    ];

    private static IEnumerable<DocumentContent> CorpusDocuments()
    {
        foreach (var path in Directory.EnumerateFiles(TestPaths.Corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (DocumentReaders.Default.For(path) is { } reader)
            {
                foreach (var document in reader.Read(File.ReadAllBytes(path), path))
                {
                    yield return document;
                }
            }
        }
    }

    private static IEnumerable<string> CorpusTexts()
    {
        foreach (var document in CorpusDocuments())
        {
            yield return document.Title;
            var body = new StringBuilder();
            foreach (var paragraph in document.Paragraphs)
            {
                yield return paragraph.Text;
                body.Append(paragraph.Text).Append("\n\n");
            }

            yield return body.ToString();
        }
    }
}
