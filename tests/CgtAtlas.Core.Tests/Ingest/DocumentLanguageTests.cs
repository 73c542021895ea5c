using CgtAtlas.Documents;
using CgtAtlas.Ingest;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Ingest;

public sealed class DocumentLanguageTests
{
    [Fact]
    public void The_language_from_the_paragraphs_counts_is_the_language_of_their_text_on_every_sample_document()
    {
        var counted = 0;
        var languages = new HashSet<Language>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.Corpus, "*", SearchOption.AllDirectories))
        {
            if (DocumentReaders.Default.For(path) is not { } reader)
            {
                continue;
            }

            foreach (var document in reader.Read(File.ReadAllBytes(path), path))
            {
                var expected = LanguageDetector.Detect(document.Paragraphs.Select(p => p.Text));
                Assert.Equal(expected, CountedParagraphs.LanguageOf(document.Paragraphs));
                counted += document.Paragraphs is CountedParagraphs ? 1 : 0;
                languages.Add(expected);
            }
        }

        Assert.True(counted >= 40, $"only {counted} documents took their language from the counts");
        Assert.Superset(new HashSet<Language> { Language.Zh, Language.En }, languages);
    }

    [Theory]
    [InlineData("CAR-T细胞治疗", "获批上市。BCMA")]
    [InlineData("abc", "def ghi")]
    [InlineData("", "溶瘤病毒")]
    public void Counts_of_separate_texts_add_up(string first, string second)
    {
        var apart = ScriptCounts.Of(first) + ScriptCounts.Of(second);
        Assert.Equal(LanguageDetector.Detect([first, second]), apart.Language);
        Assert.Equal(ScriptCounts.Of(first + "\n" + second), apart);
    }
}
