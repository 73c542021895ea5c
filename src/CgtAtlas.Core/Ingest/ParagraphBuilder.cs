using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Ingest;

/// <summary>Numbers paragraphs in reading order after normalising them; empty blocks are dropped.</summary>
public sealed class ParagraphBuilder
{
    private readonly List<Paragraph> _paragraphs = [];
    private ScriptCounts _scripts;

    /// <summary>Number of paragraphs so far.</summary>
    public int Count => _paragraphs.Count;

    /// <summary>Adds a block of text as the next paragraph (ignored when it normalises to nothing).</summary>
    public void Add(string? raw)
    {
        if (raw is null)
        {
            return;
        }

        var text = TextNormalizer.Normalize(raw);
        if (text.Length == 0 || !text.Any(CharClass.IsWordChar))
        {
            return;
        }

        var scripts = ScriptCounts.Of(text);
        _scripts += scripts;
        _paragraphs.Add(new Paragraph(_paragraphs.Count + 1, text, scripts.Language));
    }

    /// <summary>The paragraphs built, carrying their script counts (<see cref="CountedParagraphs"/>).</summary>
    public IReadOnlyList<Paragraph> Build() => new CountedParagraphs([.. _paragraphs], _scripts);

    /// <summary>Splits plain text into paragraph blocks: blank lines separate paragraphs when the text has any;
    /// otherwise (common in Chinese text) every line is a paragraph. A block of table rows (every line holds a
    /// <c>|</c>) gives one paragraph per row: joined, the rows' cells would run into each other.</summary>
    public static IEnumerable<string> SplitBlocks(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = normalised.Split('\n');
        var hasBlankSeparators = false;
        for (var i = 1; i < lines.Length - 1; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) && !string.IsNullOrWhiteSpace(lines[i - 1]))
            {
                hasBlankSeparators = true;
                break;
            }
        }

        if (!hasBlankSeparators)
        {
            foreach (var line in lines)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return line;
                }
            }

            yield break;
        }

        var block = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                foreach (var b in Flush(block))
                {
                    yield return b;
                }
            }
            else
            {
                block.Add(line);
            }
        }

        foreach (var b in Flush(block))
        {
            yield return b;
        }
    }

    private static List<string> Flush(List<string> block)
    {
        List<string> result = block.Count == 0 ? []
            : block.Count > 1 && block.All(l => l.Contains('|', StringComparison.Ordinal)) ? [.. block]
            : [string.Join('\n', block)];
        block.Clear();
        return result;
    }
}
