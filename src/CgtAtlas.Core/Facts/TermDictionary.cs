using System.Text.RegularExpressions;
using CgtAtlas.Text;

namespace CgtAtlas.Facts;

/// <summary>A dictionary term found in a paragraph, with its canonical value.</summary>
internal readonly record struct Mention(int Start, int End, string Value);

/// <summary>
/// Finds canonical terms by ordered patterns. Patterns earlier in the list win overlaps, so longer and more
/// specific names ("cell and gene therapy", "国家药监局药品审评中心") are listed before their parts.
/// </summary>
internal sealed class TermDictionary
{
    private readonly (Regex Pattern, string Value, string[] Needs)[] _terms;

    /// <summary>On compiled copies, per term, a faster way to the same matches where there is one.</summary>
    private readonly LiteralWindowMatcher?[] _windows;

    public TermDictionary(IEnumerable<(Regex Pattern, string Value)> terms) : this(terms.Select(t => (t.Pattern, t.Value, NoNeeds)))
    {
    }

    /// <summary>
    /// A dictionary whose terms may name literals they cannot match without (<c>Needs</c>, compared ignoring case):
    /// a term whose literals are all absent from the text is skipped. Patterns such as <c>\p{IsCJK…}{1,8}仑赛</c>
    /// or <c>[A-Za-z]+vec</c> start a match attempt at every character; one vectorised search for 仑赛 or vec is far
    /// cheaper, and most text has neither.
    /// </summary>
    public TermDictionary(IEnumerable<(Regex Pattern, string Value, string[] Needs)> terms)
    {
        _terms = terms.ToArray();
        _windows = new LiteralWindowMatcher?[_terms.Length];
    }

    private TermDictionary((Regex Pattern, string Value, string[] Needs)[] terms, LiteralWindowMatcher?[] windows)
    {
        _terms = terms;
        _windows = windows;
    }

    private static readonly string[] NoNeeds = [];

    /// <summary>The terms' expressions, in dictionary order.</summary>
    public IReadOnlyList<Regex> Patterns => _terms.Select(t => t.Pattern).ToList();

    /// <summary>
    /// The same dictionary with compiled expressions, and windowed matching for the stems led by a Han literal
    /// (<see cref="LiteralWindowMatcher"/>): worth its start-up cost (tens of milliseconds) where every document of an
    /// ingest is scanned, not for the extractor's occasional look-ups. Finds exactly the same mentions.
    /// </summary>
    public TermDictionary Compiled()
    {
        var terms = _terms.Select(t => (new Regex(t.Pattern.ToString(), t.Pattern.Options | RegexOptions.Compiled), t.Value, t.Needs)).ToArray();
        return new TermDictionary(terms, terms.Select(t => LiteralWindowMatcher.For(t.Item1)).ToArray());
    }

    /// <summary>True when <paramref name="text"/> holds <paramref name="need"/>, ignoring case.</summary>
    private static bool Holds(string text, string need) =>
        // Han characters have no case: the ordinal search is the same and vectorised, where ignoring case is not.
        text.Contains(need, need.All(CharClass.IsHan) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    public List<Mention> FindAll(string text)
    {
        // Allocated at the first match: most texts have few, and a body's worth of flags per call added up.
        bool[]? taken = null;
        var result = new List<Mention>();
        for (var t = 0; t < _terms.Length; t++)
        {
            var (pattern, value, needs) = _terms[t];
            if (needs.Length > 0 && !Array.Exists(needs, n => Holds(text, n)))
            {
                continue;
            }

            var matches = _windows[t] is { } window ? window.Matches(text) : pattern.Matches(text).Select(m => (m.Index, m.Length));
            foreach (var (index, length) in matches)
            {
                taken ??= new bool[text.Length];
                if (length == 0 || taken.AsSpan(index, length).Contains(true))
                {
                    continue;
                }

                for (var i = index; i < index + length; i++)
                {
                    taken[i] = true;
                }

                result.Add(new Mention(index, index + length, value));
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>
    /// The mention that best describes a quantity at <paramref name="position"/>: the nearest one before it inside
    /// <paramref name="near"/>, else the first one after it inside <paramref name="near"/>, then the same inside
    /// <paramref name="wide"/>. With <paramref name="followingFirst"/> (breakdown parts: "7款CAR-T、3款小核酸")
    /// the text after the number is read first, because the label follows the number.
    /// </summary>
    public static string? Nearest(List<Mention> mentions, int position, TextSpan near, TextSpan wide, bool followingFirst = false,
        int nearLimit = int.MaxValue)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var scope = pass == 0 ? near : wide;
            var limit = pass == 0 ? nearLimit : int.MaxValue;
            var before = mentions.LastOrDefault(m => m.Start < position && m.Start >= scope.Start && m.End <= scope.End);
            var after = mentions.FirstOrDefault(m => m.Start >= position && m.Start < scope.End && m.Start >= scope.Start && m.Start < limit);
            var first = followingFirst ? after : before;
            var second = followingFirst ? before : after;
            if (first.Value is not null)
            {
                return first.Value;
            }

            if (second.Value is not null)
            {
                return second.Value;
            }
        }

        return null;
    }
}
