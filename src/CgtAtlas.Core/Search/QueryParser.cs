using System.Text;
using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Text;

namespace CgtAtlas.Search;

/// <summary>
/// Parses the user query language into a safe tree. Nothing the user types reaches the search engine as syntax:
/// the tree is compiled by the store into quoted terms only.
/// </summary>
/// <remarks>
/// Grammar: <c>or := and (OR and)*</c>; <c>and := unary+</c> (AND optional); <c>unary := (NOT | -) unary | primary</c>;
/// <c>primary := ( or ) | "phrase" | word | title:(primary) | filter</c>. Filters (<c>lang: collection: after: before:
/// source: modality: agency:</c>) apply to the whole query and may not sit inside OR, NOT or parentheses.
/// </remarks>
public sealed class QueryParser
{
    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>Deepest nesting of parentheses and NOT accepted.</summary>
    public const int MaxDepth = 16;

    /// <summary>Most words and phrases accepted in one query.</summary>
    public const int MaxTerms = 64;

    private static readonly string[] s_filterFields = ["lang", "language", "collection", "topic", "after", "before", "source", "modality", "agency"];

    private List<Lexeme> _lexemes = [];
    private int _position;
    private int _terms;
    private SearchFilterBuilder _filters = new();

    /// <summary>Parses <paramref name="query"/>.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed; the message explains the problem.</exception>
    public ParsedQuery Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxLength)
        {
            throw new QuerySyntaxException($"The query is {query.Length} characters long; the limit is {MaxLength}.", MaxLength);
        }

        var text = TextNormalizer.Normalize(query);
        _lexemes = Lex(text);
        _position = 0;
        _terms = 0;
        _filters = new SearchFilterBuilder();

        QueryNode? root = null;
        if (_lexemes.Count > 0)
        {
            root = ParseOr(depth: 0);
            if (_position < _lexemes.Count)
            {
                var stray = _lexemes[_position];
                throw stray.Kind == LexKind.RParen
                    ? new QuerySyntaxException($"Unbalanced ')' at position {stray.Position + 1}: there is no '(' to close.", stray.Position)
                    : new QuerySyntaxException($"Unexpected '{stray.Text}' at position {stray.Position + 1}.", stray.Position);
            }
        }

        root = Simplify(root);
        if (root is not null && !HasPositive(root))
        {
            throw new QuerySyntaxException("A query needs at least one word to look for: NOT and '-' only remove results.", 0);
        }

        var filters = _filters.Build();
        if (root is null && filters.IsEmpty)
        {
            throw new QuerySyntaxException("The query is empty: type words to search for, or a filter such as collection:CGT产品.", 0);
        }

        return new ParsedQuery(query, root, filters);
    }

    private QueryNode? ParseOr(int depth)
    {
        var first = ParseAnd(depth);
        if (!Peek(LexKind.Or))
        {
            return first;
        }

        var children = new List<QueryNode?> { first };
        while (Peek(LexKind.Or))
        {
            var or = _lexemes[_position++];
            if (first is null || AtEndOfGroup())
            {
                throw new QuerySyntaxException($"OR at position {or.Position + 1} needs a word on both sides.", or.Position);
            }

            children.Add(ParseAnd(depth));
        }

        if (children.Any(c => c is null))
        {
            throw new QuerySyntaxException("Filters such as lang: or after: apply to the whole query; they cannot be one side of an OR.", 0);
        }

        return new OrNode(children.Select(c => c!).ToList());
    }

    private QueryNode? ParseAnd(int depth)
    {
        var children = new List<QueryNode>();
        while (_position < _lexemes.Count && !Peek(LexKind.Or) && !Peek(LexKind.RParen))
        {
            if (Peek(LexKind.And))
            {
                var and = _lexemes[_position++];
                if (children.Count == 0 || AtEndOfGroup() || Peek(LexKind.Or))
                {
                    throw new QuerySyntaxException($"AND at position {and.Position + 1} needs a word on both sides.", and.Position);
                }

                continue;
            }

            var node = ParseUnary(depth);
            if (node is not null)
            {
                children.Add(node);
            }
        }

        return children.Count switch
        {
            0 => null,
            1 => children[0],
            _ => new AndNode(children),
        };
    }

    private QueryNode? ParseUnary(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new QuerySyntaxException($"The query nests deeper than {MaxDepth} levels.", _lexemes[_position].Position);
        }

        var lexeme = _lexemes[_position];
        if (lexeme.Kind == LexKind.Not)
        {
            _position++;
            if (AtEndOfGroup() || Peek(LexKind.Or) || Peek(LexKind.And))
            {
                throw new QuerySyntaxException($"'{lexeme.Text}' at position {lexeme.Position + 1} must be followed by a word to exclude.", lexeme.Position);
            }

            var child = ParseUnary(depth + 1)
                ?? throw new QuerySyntaxException($"Filters cannot be negated ('{lexeme.Text}' at position {lexeme.Position + 1}).", lexeme.Position);
            return new NotNode(child);
        }

        return ParsePrimary(depth, titleOnly: false, filterAllowed: depth == 0);
    }

    private QueryNode? ParsePrimary(int depth, bool titleOnly, bool filterAllowed)
    {
        var lexeme = _lexemes[_position++];
        switch (lexeme.Kind)
        {
            case LexKind.LParen:
            {
                if (AtEndOfGroup())
                {
                    throw new QuerySyntaxException($"Empty or unclosed '(' at position {lexeme.Position + 1}.", lexeme.Position);
                }

                var inner = ParseOrInGroup(depth + 1, titleOnly);
                if (!Peek(LexKind.RParen))
                {
                    throw new QuerySyntaxException($"The '(' at position {lexeme.Position + 1} is never closed.", lexeme.Position);
                }

                _position++;
                return inner ?? throw new QuerySyntaxException($"The group at position {lexeme.Position + 1} has no words.", lexeme.Position);
            }

            case LexKind.Phrase:
                CountTerm(lexeme);
                return new PhraseNode(lexeme.Text, titleOnly);

            case LexKind.Field:
                return ParseField(lexeme, depth, titleOnly, filterAllowed);

            case LexKind.Word:
                CountTerm(lexeme);
                return new TermNode(lexeme.Text, titleOnly);

            case LexKind.RParen:
                throw new QuerySyntaxException($"Unbalanced ')' at position {lexeme.Position + 1}.", lexeme.Position);

            default:
                throw new QuerySyntaxException($"Unexpected '{lexeme.Text}' at position {lexeme.Position + 1}.", lexeme.Position);
        }
    }

    private QueryNode? ParseOrInGroup(int depth, bool titleOnly)
    {
        var node = ParseOr(depth);
        return titleOnly && node is not null ? MarkTitle(node) : node;
    }

    private QueryNode? ParseField(Lexeme field, int depth, bool titleOnly, bool filterAllowed)
    {
        var name = field.Text;
        if (_position >= _lexemes.Count || _lexemes[_position].Kind is not (LexKind.Word or LexKind.Phrase or LexKind.LParen))
        {
            throw new QuerySyntaxException($"'{name}:' at position {field.Position + 1} needs a value, e.g. {name}:{Example(name)}.", field.Position);
        }

        if (name == "title")
        {
            return ParsePrimary(depth, titleOnly: true, filterAllowed: false) is { } inner ? MarkTitle(inner) : null;
        }

        if (!filterAllowed)
        {
            throw new QuerySyntaxException(
                $"The filter '{name}:' at position {field.Position + 1} applies to the whole query; it cannot sit inside OR, NOT or parentheses.",
                field.Position);
        }

        var value = _lexemes[_position];
        if (value.Kind == LexKind.LParen)
        {
            throw new QuerySyntaxException($"'{name}:' takes one value (use quotes for spaces), at position {field.Position + 1}.", field.Position);
        }

        _position++;
        _filters.Add(name, value.Text, field.Position);
        _ = titleOnly;
        return null;
    }

    private static string Example(string field) => field switch
    {
        "lang" or "language" => "zh",
        "collection" or "topic" => "CGT产品",
        "after" or "before" => "2025-01-01",
        "source" => "Reuters",
        "agency" => "NMPA",
        _ => "CAR-T",
    };

    private void CountTerm(Lexeme lexeme)
    {
        if (++_terms > MaxTerms)
        {
            throw new QuerySyntaxException($"The query has more than {MaxTerms} words and phrases.", lexeme.Position);
        }
    }

    private static QueryNode MarkTitle(QueryNode node) => node switch
    {
        TermNode t => t with { TitleOnly = true },
        PhraseNode p => p with { TitleOnly = true },
        AndNode a => new AndNode(a.Children.Select(MarkTitle).ToList()),
        OrNode o => new OrNode(o.Children.Select(MarkTitle).ToList()),
        NotNode n => new NotNode(MarkTitle(n.Child)),
        _ => node,
    };

    private static QueryNode? Simplify(QueryNode? node) => node switch
    {
        AndNode { Children.Count: 1 } a => Simplify(a.Children[0]),
        OrNode { Children.Count: 1 } o => Simplify(o.Children[0]),
        _ => node,
    };

    private static bool HasPositive(QueryNode node) => node switch
    {
        TermNode or PhraseNode => true,
        NotNode => false,
        AndNode a => a.Children.Any(HasPositive),
        OrNode o => o.Children.All(HasPositive),
        _ => false,
    };

    private bool Peek(LexKind kind) => _position < _lexemes.Count && _lexemes[_position].Kind == kind;

    private bool AtEndOfGroup() => _position >= _lexemes.Count || _lexemes[_position].Kind == LexKind.RParen;

    private enum LexKind
    {
        Word,
        Phrase,
        Field,
        LParen,
        RParen,
        Or,
        And,
        Not,
    }

    private readonly record struct Lexeme(LexKind Kind, string Text, int Position);

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u300C' or '\u300D';

    private static List<Lexeme> Lex(string text)
    {
        var lexemes = new List<Lexeme>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or '（')
            {
                lexemes.Add(new Lexeme(LexKind.LParen, "(", i++));
            }
            else if (c is ')' or '）')
            {
                lexemes.Add(new Lexeme(LexKind.RParen, ")", i++));
            }
            else if (c == '|')
            {
                lexemes.Add(new Lexeme(LexKind.Or, "|", i++));
            }
            else if (IsQuote(c))
            {
                lexemes.Add(ReadPhrase(text, ref i));
            }
            else if (c == '-' && (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] == '('))
            {
                lexemes.Add(new Lexeme(LexKind.Not, "-", i++));
            }
            else
            {
                var start = i;
                var word = new StringBuilder();
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '（' or '）' or '|') && !IsQuote(text[i]))
                {
                    if (text[i] == ':' && word.Length > 0 && s_filterFields.Append("title").Contains(word.ToString().ToLowerInvariant()))
                    {
                        break;
                    }

                    word.Append(text[i++]);
                }

                var value = word.ToString();
                if (i < text.Length && text[i] == ':' && value.Length > 0)
                {
                    i++;
                    lexemes.Add(new Lexeme(LexKind.Field, value.ToLowerInvariant() == "language" ? "lang" : value.ToLowerInvariant(), start));
                    continue;
                }

                lexemes.Add(value switch
                {
                    "OR" or "或" => new Lexeme(LexKind.Or, value, start),
                    "AND" or "&&" => new Lexeme(LexKind.And, value, start),
                    "NOT" => new Lexeme(LexKind.Not, value, start),
                    _ => new Lexeme(LexKind.Word, value, start),
                });
            }
        }

        return lexemes;
    }

    private static Lexeme ReadPhrase(string text, ref int i)
    {
        var start = i++;
        var end = i;
        while (end < text.Length && !IsQuote(text[end]))
        {
            end++;
        }

        if (end >= text.Length)
        {
            throw new QuerySyntaxException($"The quote at position {start + 1} is never closed.", start);
        }

        var phrase = text[i..end].Trim();
        i = end + 1;
        if (phrase.Length == 0)
        {
            throw new QuerySyntaxException($"Empty phrase \"\" at position {start + 1}.", start);
        }

        return new Lexeme(LexKind.Phrase, phrase, start);
    }

    /// <summary>Collects filters and reports invalid values.</summary>
    private sealed class SearchFilterBuilder
    {
        private readonly List<Language> _languages = [];
        private readonly List<string> _collections = [];
        private readonly List<string> _sources = [];
        private readonly List<string> _modalities = [];
        private readonly List<string> _agencies = [];
        private DateOnly? _after;
        private DateOnly? _before;

        public void Add(string field, string value, int position)
        {
            switch (field)
            {
                case "lang":
                    if (!LanguageCodes.TryParse(value, out var language))
                    {
                        throw new QuerySyntaxException($"Unknown language '{value}' in lang: at position {position + 1}; use zh, en or mixed.", position);
                    }

                    _languages.Add(language);
                    break;
                case "collection" or "topic":
                    _collections.Add(value);
                    break;
                case "source":
                    _sources.Add(value);
                    break;
                case "modality":
                    _modalities.Add(DocumentSubjects.Normalize(SubjectKind.Modality, value) ?? throw new QuerySyntaxException(
                        $"Unknown modality '{value}' at position {position + 1}; use one of: {string.Join(", ", DocumentSubjects.Modalities)}.", position));
                    break;
                case "agency":
                    _agencies.Add(DocumentSubjects.Normalize(SubjectKind.Agency, value) ?? throw new QuerySyntaxException(
                        $"Unknown agency '{value}' at position {position + 1}; use one of: {string.Join(", ", DocumentSubjects.Agencies)}.", position));
                    break;
                case "after" or "before":
                    var date = DateParsing.ParseBound(value, endOfPeriod: field == "before")
                        ?? throw new QuerySyntaxException($"'{value}' after {field}: at position {position + 1} is not a date; use 2025-01-31, 2025-01 or 2025.", position);
                    if (field == "after")
                    {
                        _after = date;
                    }
                    else
                    {
                        _before = date;
                    }

                    break;
            }
        }

        public SearchFilters Build()
        {
            if (_after is { } after && _before is { } before && after > before)
            {
                throw new QuerySyntaxException($"after:{after:yyyy-MM-dd} is later than before:{before:yyyy-MM-dd}: no date can match.", 0);
            }

            return new SearchFilters
            {
                Languages = _languages,
                Collections = _collections,
                Sources = _sources,
                Modalities = _modalities,
                Agencies = _agencies,
                After = _after,
                Before = _before,
            };
        }
    }
}
