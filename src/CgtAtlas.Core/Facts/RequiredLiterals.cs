using System.Text.RegularExpressions;

namespace CgtAtlas.Facts;

/// <summary>
/// Reads a regular expression's pattern and finds literals that every match must contain, and how far into the match
/// they can start: every match of <c>\p{IsCJKUnifiedIdeographs}{1,8}(?:司兰|司仑)</c> holds 司兰 or 司仑 at most 8
/// characters after its start. A match can then only start in the few positions before an occurrence of a literal.
/// </summary>
/// <remarks>
/// Conservative by construction: any construct it does not understand (character classes, <c>\p{…}</c>, optional
/// parts, lookarounds, back-references, unusual options) counts as "nothing required" for its part, and a pattern it
/// cannot read at all gives null. It may miss a literal it could have used; it never names one a match can lack, nor a
/// lead shorter than a match can have. Literals are as written in the pattern: a part that ignores case matches other
/// casings of them.
/// </remarks>
internal static class RequiredLiterals
{
    /// <summary>
    /// The literals every match contains one of, with the most characters a match can hold before that literal
    /// (null: unbounded); null when the pattern names no such literals.
    /// </summary>
    public static LiteralAnchor? Anchor(Regex pattern)
    {
        // With these options the pattern text means something else (comments, free spacing) or matches right to left.
        // Without CultureInvariant, ignoring case follows the current culture (Turkish i), which ordinal comparison does not.
        if ((pattern.Options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.ECMAScript | RegexOptions.RightToLeft)) != 0
            || (pattern.Options & RegexOptions.CultureInvariant) == 0)
        {
            return null;
        }

        try
        {
            var parser = new Parser(pattern.ToString());
            var result = parser.Alternation();
            return parser.AtEnd && result.Literals is { Count: > 0 } literals && literals.All(l => l.Length > 0)
                ? new LiteralAnchor(literals.Distinct(StringComparer.Ordinal).ToList(), result.Lead)
                : null;
        }
        catch (UnreadablePatternException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a part of a pattern guarantees: exactly one fixed text (<see cref="Exact"/>), or one of a set of literals
    /// (<see cref="Literals"/>) starting at most <see cref="Lead"/> characters into the part, or nothing (both null);
    /// and the most characters the part can match (<see cref="Width"/>; null: unbounded).
    /// </summary>
    private readonly record struct Requirement(string? Exact, IReadOnlyList<string>? Literals, int? Lead, int? Width)
    {
        public static Requirement Nothing(int? width) => new(null, null, null, width);

        public static Requirement OfText(string text) => text.Length == 0 ? Nothing(0) : new(text, [text], 0, text.Length);

        /// <summary>How selective: the shortest literal's length (a longer literal occurs in fewer texts).</summary>
        public int Strength => Literals is { Count: > 0 } l ? l.Min(s => s.Length) : 0;
    }

    private static int? Add(int? a, int? b) => a is null || b is null ? null : a + b;

    private sealed class UnreadablePatternException : Exception;

    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool AtEnd => _at == pattern.Length;

        private char Peek => _at < pattern.Length ? pattern[_at] : '\0';

        /// <summary>Alternatives separated by <c>|</c>: a match contains a literal of whichever alternative matched.</summary>
        public Requirement Alternation()
        {
            var branches = new List<Requirement> { Sequence() };
            while (Peek == '|')
            {
                _at++;
                branches.Add(Sequence());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            var width = branches.Aggregate((int?)0, (w, b) => w is null || b.Width is null ? null : Math.Max(w.Value, b.Width.Value));
            if (branches.Any(b => b.Literals is null))
            {
                return Requirement.Nothing(width);
            }

            var lead = branches.Aggregate((int?)0, (l, b) => l is null || b.Lead is null ? null : Math.Max(l.Value, b.Lead.Value));
            return new Requirement(null, branches.SelectMany(b => b.Literals!).ToList(), lead, width);
        }

        /// <summary>
        /// Parts in a row: adjacent fixed texts join into one literal; the most selective part's literals stand for the
        /// row, led by everything the parts before it can match.
        /// </summary>
        private Requirement Sequence()
        {
            var parts = new List<Requirement>();
            var run = new System.Text.StringBuilder();
            while (!AtEnd && Peek is not '|' and not ')')
            {
                var part = Quantified(Atom());
                if (part.Exact is { } text)
                {
                    run.Append(text);
                    continue;
                }

                if (run.Length > 0)
                {
                    parts.Add(Requirement.OfText(run.ToString()));
                    run.Clear();
                }

                parts.Add(part);
            }

            if (run.Length > 0 || parts.Count == 0)
            {
                parts.Add(Requirement.OfText(run.ToString()));
            }

            if (parts is [var single])
            {
                return single;
            }

            var width = parts.Aggregate((int?)0, (w, p) => Add(w, p.Width));
            var best = -1;
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i].Literals is not null && (best < 0 || parts[i].Strength > parts[best].Strength))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                return Requirement.Nothing(width);
            }

            var lead = parts.Take(best).Aggregate(parts[best].Lead, (l, p) => Add(l, p.Width));
            return new Requirement(null, parts[best].Literals, lead, width);
        }

        private Requirement Quantified(Requirement atom)
        {
            int min;
            int? max;
            switch (Peek)
            {
                case '*':
                    _at++;
                    (min, max) = (0, null);
                    break;
                case '?':
                    _at++;
                    (min, max) = (0, 1);
                    break;
                case '+':
                    _at++;
                    (min, max) = (1, null);
                    break;
                case '{':
                    min = Braces(out max);
                    break;
                default:
                    return atom;
            }

            if (Peek == '?')
            {
                _at++; // lazy: the same texts match
            }

            // The first repetition holds the literal where the part alone does; the lead stays as it was.
            var width = max is { } m && atom.Width is { } w ? m * w : (int?)null;
            return min == 0 ? Requirement.Nothing(width) : atom with { Exact = null, Width = width };
        }

        /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>: returns n, and m in <paramref name="max"/> (null: unbounded).</summary>
        private int Braces(out int? max)
        {
            var close = pattern.IndexOf('}', _at);
            var body = close < 0 ? "" : pattern[(_at + 1)..close];
            var comma = body.IndexOf(',', StringComparison.Ordinal);
            var first = comma < 0 ? body : body[..comma];
            var second = comma < 0 ? first : body[(comma + 1)..];
            if (first.Length == 0 || !first.All(char.IsAsciiDigit) || !second.All(char.IsAsciiDigit) || first.Length > 6 || second.Length > 6)
            {
                throw new UnreadablePatternException(); // a literal '{' in .NET; rare enough to give up on
            }

            _at = close + 1;
            max = second.Length == 0 ? null : int.Parse(second, System.Globalization.CultureInfo.InvariantCulture);
            return int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }

        private Requirement Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    SkipClass();
                    return Requirement.Nothing(1);
                case '\\':
                    return Escape();
                case '.':
                    return Requirement.Nothing(1);
                case '^' or '$':
                    return Requirement.Nothing(0);
                case '*' or '+' or '?' or '{':
                    throw new UnreadablePatternException();
                default:
                    return Requirement.OfText(c.ToString());
            }
        }

        private Requirement Group()
        {
            var zeroWidth = false;
            if (Peek == '?')
            {
                _at++;
                var kind = Peek;
                if (kind is ':' or '>')
                {
                    _at++;
                }
                else if (kind is '=' or '!')
                {
                    _at++;
                    zeroWidth = true;
                }
                else if (kind == '<' && _at + 1 < pattern.Length && pattern[_at + 1] is '=' or '!')
                {
                    _at += 2;
                    zeroWidth = true;
                }
                else if (kind is '<' or '\'')
                {
                    // Named group: (?<name>…) or (?'name'…).
                    var end = pattern.IndexOf(kind == '<' ? '>' : '\'', _at + 1);
                    if (end < 0)
                    {
                        throw new UnreadablePatternException();
                    }

                    _at = end + 1;
                }
                else
                {
                    // Inline options: (?imnsx-imnsx) or (?imnsx-imnsx:…). Case is ignored here anyway; free spacing is not read.
                    var start = _at;
                    while (Peek is 'i' or 'm' or 'n' or 's' or 'x' or '-')
                    {
                        _at++;
                    }

                    if (_at == start || pattern[start.._at].Contains('x', StringComparison.Ordinal) || Peek is not ':' and not ')')
                    {
                        throw new UnreadablePatternException();
                    }

                    if (Peek == ')')
                    {
                        _at++;
                        return Requirement.Nothing(0);
                    }

                    _at++;
                }
            }

            var inner = Alternation();
            if (Peek != ')')
            {
                throw new UnreadablePatternException();
            }

            _at++;
            return zeroWidth ? Requirement.Nothing(0) : inner;
        }

        private void SkipClass()
        {
            // [...] with escapes and nested subtractions [a-z-[aeiou]]; the first ']' (after an optional '^') is literal.
            var depth = 1;
            if (Peek == '^')
            {
                _at++;
            }

            if (Peek == ']')
            {
                _at++;
            }

            while (depth > 0)
            {
                if (AtEnd)
                {
                    throw new UnreadablePatternException();
                }

                var c = pattern[_at++];
                if (c == '\\')
                {
                    _at++;
                }
                else if (c == '[')
                {
                    depth++;
                }
                else if (c == ']')
                {
                    depth--;
                }
            }
        }

        private Requirement Escape()
        {
            if (AtEnd)
            {
                throw new UnreadablePatternException();
            }

            var c = pattern[_at++];
            switch (c)
            {
                case 'p' or 'P':
                    _at = pattern.IndexOf('}', _at) is >= 0 and var end ? end + 1 : throw new UnreadablePatternException();
                    return Requirement.Nothing(1);
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return Requirement.Nothing(1);
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return Requirement.Nothing(0);
                case 'k' or (>= '1' and <= '9'):
                    throw new UnreadablePatternException(); // back-references match what a group matched
            }

            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                // Control and code escapes (\n \x41 \u0041 \0): not read.
                throw new UnreadablePatternException();
            }

            return Requirement.OfText(c.ToString());
        }
    }
}
