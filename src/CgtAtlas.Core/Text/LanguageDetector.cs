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
    public static Language Detect(ReadOnlySpan<char> text)
    {
        var han = 0;
        var latinWords = 0;
        var inLatinWord = false;
        foreach (var c in text)
        {
            if (CharClass.IsHan(c))
            {
                han++;
                inLatinWord = false;
            }
            else if (char.IsAsciiLetter(c))
            {
                if (!inLatinWord)
                {
                    latinWords++;
                    inLatinWord = true;
                }
            }
            else
            {
                inLatinWord = false;
            }
        }

        return Classify(han, latinWords);
    }

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
        var han = 0;
        var latin = 0;
        foreach (var paragraph in paragraphs)
        {
            foreach (var c in paragraph)
            {
                if (CharClass.IsHan(c))
                {
                    han++;
                }
            }

            latin += CountLatinWords(paragraph);
        }

        return Classify(han, latin);
    }

    private static int CountLatinWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsAsciiLetter(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
