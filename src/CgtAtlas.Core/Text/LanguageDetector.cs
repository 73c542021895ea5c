using CgtAtlas.Documents;

namespace CgtAtlas.Text;

/// <summary>
/// Tells Chinese, English and mixed text apart by the share of Han characters among letters. A script count is
/// enough here: the corpus is Chinese and English only, and a statistical detector would misjudge the short,
/// acronym-heavy paragraphs of this field (a Chinese sentence can hold more Latin letters than Han characters
/// when it lists CAR-T, BCMA and NCT numbers), so Han characters are weighted as words.
/// </summary>
public static class LanguageDetector
{
    /// <summary>Detects the language of one text.</summary>
    public static Language Detect(ReadOnlySpan<char> text) => ScriptCounts.Of(text).Language;

    /// <summary>
    /// Classifies from counts: a Han character weighs about as much as half an English word (a Chinese word is
    /// 1.5–2 characters).
    /// </summary>
    public static Language Classify(int hanChars, int latinWords)
    {
        var chineseWords = hanChars / 1.7;
        var total = chineseWords + latinWords;
        if (total < 1)
        {
            return Language.Unknown;
        }

        var chineseShare = chineseWords / total;
        return chineseShare switch
        {
            >= 0.7 => Language.Zh,
            <= 0.15 => Language.En,
            _ => Language.Mixed,
        };
    }

    /// <summary>The language of a whole document from its paragraphs, weighted by their length.</summary>
    public static Language Detect(IEnumerable<string> paragraphs)
    {
        var counts = default(ScriptCounts);
        foreach (var paragraph in paragraphs)
        {
            counts += ScriptCounts.Of(paragraph);
        }

        return counts.Language;
    }
}

/// <summary>
/// What the language of a text is judged by: its Han characters and its Latin words (a run of ASCII letters).
/// Counts of parts add up to the count of the whole when the parts are separate paragraphs, so a document's language
/// follows from its paragraphs' counts without reading the text again.
/// </summary>
/// <param name="HanChars">Han characters.</param>
/// <param name="LatinWords">Runs of ASCII letters.</param>
public readonly record struct ScriptCounts(int HanChars, int LatinWords)
{
    /// <summary>The language these counts indicate (<see cref="LanguageDetector.Classify"/>).</summary>
    public Language Language => LanguageDetector.Classify(HanChars, LatinWords);

    /// <summary>Counts one text.</summary>
    public static ScriptCounts Of(ReadOnlySpan<char> text)
    {
        var han = 0;
        var latinWords = 0;
        var inLatinWord = false;
        foreach (var c in text)
        {
            var letter = char.IsAsciiLetter(c);
            if (letter && !inLatinWord)
            {
                latinWords++;
            }
            else if (!letter && CharClass.IsHan(c))
            {
                han++;
            }

            inLatinWord = letter;
        }

        return new ScriptCounts(han, latinWords);
    }

    /// <summary>The counts of two separate texts together.</summary>
    public static ScriptCounts operator +(ScriptCounts a, ScriptCounts b) => new(a.HanChars + b.HanChars, a.LatinWords + b.LatinWords);
}
