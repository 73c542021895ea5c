using System.Net;
using System.Text;

namespace CgtAtlas.Search;

/// <summary>A short passage of a hit with the matched spans marked.</summary>
/// <param name="Paragraph">The paragraph number the passage comes from (0 for the title).</param>
/// <param name="Text">The plain passage text.</param>
/// <param name="Highlights">Matched spans as (start, length) within <paramref name="Text"/>, in order, not overlapping.</param>
public sealed record Snippet(int Paragraph, string Text, IReadOnlyList<(int Start, int Length)> Highlights)
{
    /// <summary>The passage with highlights wrapped in <paramref name="open"/>/<paramref name="close"/>; the text is
    /// passed through <paramref name="escape"/> first (HTML-encode for the web and JSON, markup-escape for the console).</summary>
    public string Render(string open, string close, Func<string, string> escape)
    {
        var builder = new StringBuilder(Text.Length + Highlights.Count * (open.Length + close.Length));
        var at = 0;
        foreach (var (start, length) in Highlights)
        {
            builder.Append(escape(Text[at..start])).Append(open).Append(escape(Text.Substring(start, length))).Append(close);
            at = start + length;
        }

        builder.Append(escape(Text[at..]));
        return builder.ToString();
    }

    /// <summary>HTML-escaped passage with <c>&lt;mark&gt;</c> around matches (the JSON and web form).</summary>
    public string ToHtml() => Render("<mark>", "</mark>", WebUtility.HtmlEncode);
}
