using System.Text.RegularExpressions;

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

    public TermDictionary(IEnumerable<(Regex Pattern, string Value)> terms) => _terms = terms.Select(t => (t.Pattern, t.Value, NoNeeds)).ToArray();

    /// <summary>
    /// A dictionary whose terms may name literals they cannot match without (<c>Needs</c>, compared ignoring case):
    /// a term whose literals are all absent from the text is skipped. Patterns such as <c>\p{IsCJK…}{1,8}仑赛</c>
    /// or <c>[A-Za-z]+vec</c> start a match attempt at every character; one vectorised search for 仑赛 or vec is far
    /// cheaper, and most text has neither.
    /// </summary>
    public TermDictionary(IEnumerable<(Regex Pattern, string Value, string[] Needs)> terms) => _terms = terms.ToArray();

    private static readonly string[] NoNeeds = [];

    /// <summary>
    /// The same dictionary with compiled expressions: worth its start-up cost (tens of milliseconds) where every
    /// paragraph of every ingested document is scanned, not for the extractor's occasional look-ups.
    /// </summary>
    public TermDictionary Compiled() =>
        new(_terms.Select(t => (new Regex(t.Pattern.ToString(), t.Pattern.Options | RegexOptions.Compiled), t.Value, t.Needs)).ToArray());

    public List<Mention> FindAll(string text)
    {
        var taken = new bool[text.Length];
        var result = new List<Mention>();
        foreach (var (pattern, value, needs) in _terms)
        {
            if (needs.Length > 0 && !Array.Exists(needs, n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (Match m in pattern.Matches(text))
            {
                if (m.Length == 0 || Enumerable.Range(m.Index, m.Length).Any(i => taken[i]))
                {
                    continue;
                }

                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    taken[i] = true;
                }

                result.Add(new Mention(m.Index, m.Index + m.Length, value));
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
