using CgtAtlas.Search;

namespace CgtAtlas.Cli;

/// <summary>
/// Breaks a snippet into lines that fit a table column, counting East Asian wide characters as two cells.
/// </summary>
/// <remarks>
/// Spectre.Console wraps only at spaces, and treats a highlighted span as the end of a word: Chinese text, which has no
/// spaces, was pushed whole onto the next line right after a highlight, leaving half-empty lines. Here Chinese breaks
/// between any two characters and Latin text at the last space, so the table never has to wrap again.
/// </remarks>
internal static class TerminalWrap
{
    /// <summary>The snippet as consecutive line snippets (highlights kept, offsets relative to each line).</summary>
    public static IReadOnlyList<Snippet> Lines(Snippet snippet, int firstLineWidth, int width)
    {
        var text = snippet.Text;
        var lines = new List<Snippet>();
        var start = 0;
        var budget = Math.Max(8, firstLineWidth);
        while (start < text.Length)
        {
            var end = start;
            var cells = 0;
            var lastSpace = -1;
            while (end < text.Length && cells + CellWidth(text[end]) <= budget)
            {
                if (text[end] == ' ')
                {
                    lastSpace = end;
                }

                cells += CellWidth(text[end]);
                end++;
            }

            // Mid-word in Latin text: go back to the last space, unless the word alone is longer than the line.
            if (end < text.Length && !IsWide(text[end]) && !IsWide(text[end - 1]) && text[end] != ' ' && lastSpace > start)
            {
                end = lastSpace + 1;
            }

            lines.Add(Slice(snippet, start, end));
            start = end;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }

            budget = Math.Max(8, width);
        }

        return lines;
    }

    /// <summary>Terminal cells taken by <paramref name="c"/>: 2 for CJK ideographs, kana, Hangul and full-width forms.</summary>
    public static int CellWidth(char c) => IsWide(c) ? 2 : 1;

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');

    private static Snippet Slice(Snippet snippet, int start, int end)
    {
        var highlights = snippet.Highlights
            .Select(h => (Start: Math.Max(h.Start, start), End: Math.Min(h.Start + h.Length, end)))
            .Where(h => h.Start < h.End)
            .Select(h => (h.Start - start, h.End - h.Start))
            .ToList();
        return new Snippet(snippet.Paragraph, snippet.Text[start..end].TrimEnd(' '), highlights);
    }
}
