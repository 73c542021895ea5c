using System.Text.RegularExpressions;
using CgtAtlas.Text;

namespace CgtAtlas.Facts;

/// <summary>The literals every match of an expression contains one of, and the most characters a match holds before
/// it (null: unbounded). See <see cref="RequiredLiterals"/>.</summary>
internal sealed record LiteralAnchor(IReadOnlyList<string> Literals, int? Lead);

/// <summary>
/// Finds exactly the matches <see cref="Regex.Matches(string)"/> finds, for an expression whose every match holds a Han
/// literal at most a few characters after its start (the generic-name stems <c>\p{IsCJKUnifiedIdeographs}{1,8}仑赛</c>):
/// it tries only the starts just before each occurrence of the literal. The regular expression engine, left alone, tries
/// such a pattern at every Han character of the text, which made these few patterns most of the cost of the ingest's
/// subject scan.
/// </summary>
/// <remarks>
/// Why the matches are the same: a match starting at s holds a literal occurrence at q ≥ s with q − s ≤ lead. So no
/// match starts before (first occurrence at or after the scan position) − lead, and trying each start up to that
/// occurrence with the expression anchored there (<c>\G</c>) finds the leftmost match if it starts by then; if none
/// does, the scan moves past the occurrence. Han characters have no case, so an ordinal search finds every occurrence
/// whether or not the expression ignores case.
/// </remarks>
internal sealed class LiteralWindowMatcher
{
    private readonly Regex _anchored;
    private readonly string[] _literals;
    private readonly int _lead;

    private LiteralWindowMatcher(Regex anchored, string[] literals, int lead)
    {
        _anchored = anchored;
        _literals = literals;
        _lead = lead;
    }

    /// <summary>A matcher for <paramref name="pattern"/>, or null when it has no bounded lead to a Han literal, or none
    /// worth using: a pattern that starts with its literal is already found fast by the engine.</summary>
    public static LiteralWindowMatcher? For(Regex pattern)
    {
        if (RequiredLiterals.Anchor(pattern) is not { Lead: > 0 and var lead } anchor || !anchor.Literals.All(l => l.All(CharClass.IsHan)))
        {
            return null;
        }

        var anchored = new Regex(@"\G(?:" + pattern + ")", pattern.Options, pattern.MatchTimeout);
        return new LiteralWindowMatcher(anchored, [.. anchor.Literals], lead);
    }

    /// <summary>The literals the matcher looks for.</summary>
    public IReadOnlyList<string> Literals => _literals;

    /// <summary>The same matches as <c>pattern.Matches(text)</c>, in order, as (start, length).</summary>
    public IEnumerable<(int Index, int Length)> Matches(string text)
    {
        var occurrences = new Occurrences(text, _literals);
        var position = 0;
        while (position < text.Length && occurrences.Next(position) is var occurrence and >= 0)
        {
            var matched = false;
            for (var start = Math.Max(position, occurrence - _lead); start <= occurrence; start++)
            {
                var m = _anchored.Match(text, start);
                if (m.Success)
                {
                    yield return (m.Index, m.Length);
                    // Every match holds a literal, so none is empty: the next one starts at or after this one's end.
                    position = m.Index + m.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                position = occurrence + 1;
            }
        }
    }

    /// <summary>The next occurrence of any literal; each literal's next occurrence is searched again only once passed.</summary>
    private sealed class Occurrences(string text, string[] literals)
    {
        private readonly int[] _next = Enumerable.Repeat(-2, literals.Length).ToArray();

        public int Next(int from)
        {
            var nearest = -1;
            for (var i = 0; i < literals.Length; i++)
            {
                if (_next[i] == -2 || (_next[i] >= 0 && _next[i] < from))
                {
                    _next[i] = text.IndexOf(literals[i], from, StringComparison.Ordinal);
                }

                if (_next[i] >= 0 && (nearest < 0 || _next[i] < nearest))
                {
                    nearest = _next[i];
                }
            }

            return nearest;
        }
    }
}
