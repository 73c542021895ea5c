using System.Text.RegularExpressions;
using CgtAtlas.Documents;

namespace CgtAtlas.Insights;

/// <summary>What a piece of a paragraph is, for the composer.</summary>
internal enum UnitKind
{
    /// <summary>A sentence of running text: may become a bullet.</summary>
    Sentence,

    /// <summary>A heading (short line without sentence punctuation): its cues colour the paragraphs below it.</summary>
    Heading,

    /// <summary>A table row flattened to text ("a | b | c"): only its facts may become bullets.</summary>
    TableRow,
}

/// <summary>One sentence, heading or table row of a paragraph, with its offsets.</summary>
internal sealed record TextUnit(int Paragraph, int Start, int End, string Text, UnitKind Kind, int Ordinal);

/// <summary>Splits paragraphs into sentences (Chinese and English punctuation), headings and table rows.</summary>
internal static partial class TextUnits
{
    // List markers, heading marks and interview speaker labels ("Q:", "答:"): layout, not content.
    [GeneratedRegex(@"^\s*(?:[#]+\s*|[•·\-\*]\s+|\(?\d{1,2}[.)、]\s*(?!\d)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)\s*|(?:Q|A|问|答|记者|主持人)\s*[:：]\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker { get; }

    private static readonly string[] Abbreviations =
        ["U.S", "U.K", "e.g", "i.e", "Inc", "Ltd", "Co", "Corp", "vs", "No", "Dr", "Mr", "Ms", "St", "approx", "al", "Jan", "Feb", "Mar",
         "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];

    public static List<TextUnit> Split(IReadOnlyList<Paragraph> paragraphs)
    {
        var units = new List<TextUnit>();
        foreach (var p in paragraphs)
        {
            var text = p.Text;
            if (text.Contains(" | ", StringComparison.Ordinal))
            {
                units.Add(new TextUnit(p.Number, 0, text.Length, text, UnitKind.TableRow, units.Count));
                continue;
            }

            if (IsHeading(text) || IsQuestion(text))
            {
                units.Add(new TextUnit(p.Number, 0, text.Length, StripMarker(text), UnitKind.Heading, units.Count));
                continue;
            }

            var s = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var end = -1;
                if (i == text.Length)
                {
                    end = i;
                }
                else if (text[i] is '。' or '!' or '?' or '！' or '？')
                {
                    end = i + 1;
                    // Keep a closing quote or bracket with its sentence.
                    while (end < text.Length && text[end] is '"' or '”' or '」' or ')' or '）' or '\'')
                    {
                        end++;
                    }
                }
                else if (text[i] == '.' && IsSentencePeriod(text, i))
                {
                    end = i + 1;
                }

                if (end > s)
                {
                    var raw = text[s..end];
                    var trimmed = raw.Trim();
                    if (trimmed.Length > 0)
                    {
                        var start = s + raw.IndexOf(trimmed, StringComparison.Ordinal);
                        units.Add(new TextUnit(p.Number, start, start + trimmed.Length, StripMarker(trimmed), UnitKind.Sentence, units.Count));
                    }

                    s = end;
                    i = end - 1;
                }
            }
        }

        return units;
    }

    /// <summary>A short line that does not end like a sentence: a heading or a one-item list label.</summary>
    public static bool IsHeading(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return true;
        }

        var last = t[^1];
        var endsLikeSentence = last is '。' or '.' or '!' or '?' or '！' or '？' or ';' or '；' or '"' or '”' or ')' or '）';
        var han = t.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var limit = han * 2 >= t.Length ? 30 : 70;
        return !endsLikeSentence && t.Length <= limit;
    }

    /// <summary>
    /// A paragraph that is one short question (an interviewer's "Q: …?" or a rhetorical subheading): like a heading,
    /// it says what the paragraphs below are about and is not itself a claim.
    /// </summary>
    public static bool IsQuestion(string text)
    {
        var t = text.Trim();
        if (t.Length is 0 or > 120 || t[^1] is not ('?' or '？'))
        {
            return false;
        }

        return t[..^1].IndexOfAny(['。', '!', '?', '！', '？']) < 0 && !t[..^1].Contains(". ", StringComparison.Ordinal);
    }

    /// <summary>Removes a leading list marker or heading mark ("1. ", "## ", "一、", "• ").</summary>
    public static string StripMarker(string text) => ListMarker.Replace(text, string.Empty, 1).Trim();

    /// <summary>True when Han characters carry the sentence (a Han character weighs about as much as a four-letter word).</summary>
    public static bool IsChinese(string text)
    {
        int han = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                han++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return han * 4 >= latin && han > 0;
    }

    private static bool IsSentencePeriod(string text, int i)
    {
        if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
        {
            return false;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..i];
        if (Abbreviations.Any(a => string.Equals(a, word, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // "1. " at the start of a list item.
        return !text[..i].Trim().All(char.IsAsciiDigit);
    }
}
