namespace CgtAtlas.Facts;

/// <summary>A span of a paragraph: <see cref="Start"/> and <see cref="End"/> index into the paragraph text.</summary>
internal readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int index) => index >= Start && index < End;

    public string Of(string text) => text[Start..End];
}

/// <summary>
/// Splits paragraphs into sentences and sentences into clauses, keeping offsets so that evidence stays an exact
/// substring. Clauses matter because one Chinese sentence often carries several facts separated by commas
/// (NFKC turns "，" into ","), each with its own cue word.
/// </summary>
internal static class SentenceSplitter
{
    // English abbreviations whose final period does not end a sentence.
    private static readonly string[] Abbreviations =
        ["U.S", "U.K", "e.g", "i.e", "Inc", "Ltd", "Co", "Corp", "vs", "No", "Dr", "Mr", "Ms", "St", "approx", "Jan", "Feb",
         "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "al"];

    /// <summary>Sentences of a paragraph, trimmed of surrounding spaces; table rows split into cells.</summary>
    public static List<TextSpan> Sentences(string text)
    {
        var result = new List<TextSpan>();
        if (IsTableRow(text))
        {
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '|')
                {
                    AddTrimmed(text, start, i, result);
                    start = i + 1;
                }
            }

            return result;
        }

        var s = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            if (c is '。' or '!' or '?' or ';' or '！' or '？' or '；')
            {
                end = i + 1;
            }
            else if (c == '.' && IsSentencePeriod(text, i))
            {
                end = i + 1;
            }

            if (end > 0)
            {
                AddTrimmed(text, s, end, result);
                s = end;
            }
        }

        AddTrimmed(text, s, text.Length, result);
        return result;
    }

    /// <summary>Clauses of a sentence: split at commas (not thousands separators), 、, colons and dashes.</summary>
    public static List<TextSpan> Clauses(string text, TextSpan sentence)
    {
        var result = new List<TextSpan>();
        var s = sentence.Start;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var c = text[i];
            var split = c switch
            {
                ',' => !(i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])),
                '、' or ':' or '—' or '–' or '(' or ')' => !(c == ':' && i > 0 && i + 1 < text.Length
                    && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])),
                _ => false,
            };
            if (split)
            {
                AddTrimmed(text, s, i, result);
                s = i + 1;
            }
        }

        AddTrimmed(text, s, sentence.End, result);
        if (result.Count == 0)
        {
            result.Add(sentence);
        }

        return result;
    }

    /// <summary>A table row as the reader flattens it: cells joined by " | ".</summary>
    public static bool IsTableRow(string text) => text.Count(c => c == '|') >= 1 && text.Contains(" | ", StringComparison.Ordinal);

    private static bool IsSentencePeriod(string text, int i)
    {
        // Decimal point or list marker ("1.") is not a sentence end.
        if (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            return false;
        }

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

        // A list marker at the start of the paragraph ("1. …").
        return !text[..i].Trim().All(char.IsAsciiDigit);
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> result)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '•' or '·'))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new TextSpan(start, end));
        }
    }
}
