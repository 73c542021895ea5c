using System.Text;

namespace CgtAtlas.Text;

/// <summary>
/// The one analyzer used for indexing, querying and highlighting, so that a token can never differ between
/// the index and the query. Han characters become one token each (full recall for two-character words, no
/// re-index when the dictionary changes); Latin runs become lower-cased words, with identifiers such as
/// CAR-T, CRISPR-Cas9, IL-2 or NCT05123456 kept whole.
/// </summary>
/// <remarks>Immutable and thread-safe; build once per process. Bump <see cref="Version"/> whenever the token
/// stream changes, because stored indexes record the version they were built with.</remarks>
public sealed class TextAnalyzer
{
    /// <summary>Version of the token rules; stored in each library so a change can trigger a re-index.</summary>
    public const int Version = 1;

    private readonly TraditionalToSimplified _folding;

    /// <summary>Creates an analyzer with the given traditional→simplified folding table.</summary>
    public TextAnalyzer(TraditionalToSimplified folding) => _folding = folding;

    /// <summary>The traditional→simplified table in use.</summary>
    public TraditionalToSimplified Folding => _folding;

    /// <summary>
    /// Tokenises <paramref name="text"/>. Offsets refer to the string as given; callers pass NFKC-normalised
    /// text (stored paragraphs already are; queries are normalised by the query parser).
    /// </summary>
    public List<Token> Analyze(string text)
    {
        var tokens = new List<Token>(text.Length / 2);
        AnalyzeInto(text, tokens);
        return tokens;
    }

    /// <summary>Tokenises into an existing list (hot path for ingest: no per-call list allocation).</summary>
    public void AnalyzeInto(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (CharClass.IsHan(c) || CharClass.IsOtherCjk(c))
            {
                tokens.Add(new Token(HanTerm(_folding.Fold(c)), i, 1, true));
                i++;
            }
            else if (CharClass.IsLatinOrDigit(c))
            {
                i = ReadLatinRun(text, i, tokens);
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The analysed form of <paramref name="text"/> as space-separated terms, ready for an FTS column.</summary>
    public string ToIndexText(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        AnalyzeInto([text], new List<Token>(text.Length / 2), builder);
        return builder.ToString();
    }

    /// <summary>
    /// Tokenises several texts (a document's paragraphs) in order: tokens are appended to <paramref name="tokens"/> and
    /// their terms, space-separated, to <paramref name="indexText"/>. Callers reuse both buffers across documents.
    /// </summary>
    public void AnalyzeInto(IEnumerable<string> texts, List<Token> tokens, StringBuilder indexText)
    {
        foreach (var text in texts)
        {
            var first = tokens.Count;
            AnalyzeInto(text, tokens);
            for (var i = first; i < tokens.Count; i++)
            {
                if (indexText.Length > 0)
                {
                    indexText.Append(' ');
                }

                indexText.Append(tokens[i].Term);
            }
        }
    }

    // Han terms repeat constantly; interning the single-character strings avoids one allocation per character.
    private static readonly string[] s_hanTerms = new string[0x10000];

    private static string HanTerm(char c) => s_hanTerms[c] ??= c.ToString();

    private static bool IsConnector(char c) => c is '-' or '.' or ',' or '/' or '+' or '\'' or '_';

    /// <summary>
    /// Reads a run of letters/digits joined by connectors (CAR-T, 1.2, 2,000, CLDN18.2, Cas9/Cas12) and emits it as
    /// one identifier token when every part looks like an identifier, otherwise as separate words.
    /// </summary>
    private static int ReadLatinRun(string text, int start, List<Token> tokens)
    {
        var end = start;
        while (end < text.Length)
        {
            if (CharClass.IsLatinOrDigit(text[end]))
            {
                end++;
            }
            else if (IsConnector(text[end]) && end + 1 < text.Length && CharClass.IsLatinOrDigit(text[end + 1]) && end > start)
            {
                end++;
            }
            else
            {
                break;
            }
        }

        var run = text.AsSpan(start, end - start);
        if (run.IndexOfAny("-.,/+'_") < 0)
        {
            tokens.Add(new Token(NormaliseWord(run), start, run.Length, false));
            return end;
        }

        if (IsIdentifier(run))
        {
            tokens.Add(new Token(JoinIdentifier(run), start, run.Length, false));
            return end;
        }

        // Ordinary hyphenated or slashed words (long-term, first-in-class, and/or): index the parts.
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || IsConnector(text[i]))
            {
                if (i > partStart)
                {
                    var part = text.AsSpan(partStart, i - partStart);
                    tokens.Add(new Token(NormaliseWord(part), partStart, part.Length, false));
                }

                partStart = i + 1;
            }
        }

        return end;
    }

    /// <summary>
    /// An identifier keeps its parts together: every part is a number, contains a digit, is an upper-case acronym,
    /// or is a single letter (CAR-T, IL-2, 1.2, 2,000, CRISPR-Cas9, BCL11A, CLDN18.2, PD-1).
    /// Plain words joined by hyphens (long-term, anti-CD19's "anti") are split so each word stays findable.
    /// </summary>
    private static bool IsIdentifier(ReadOnlySpan<char> run)
    {
        var partStart = 0;
        for (var i = 0; i <= run.Length; i++)
        {
            if (i == run.Length || IsConnector(run[i]))
            {
                if (!IsIdentifierPart(run[partStart..i]))
                {
                    return false;
                }

                partStart = i + 1;
            }
        }

        return true;
    }

    private static bool IsIdentifierPart(ReadOnlySpan<char> part)
    {
        if (part.Length <= 1)
        {
            return true;
        }

        var hasDigit = false;
        var allUpper = true;
        var hasLetter = false;
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (char.IsDigit(c))
            {
                hasDigit = true;
            }
            else if (char.IsLetter(c))
            {
                hasLetter = true;
                if (!char.IsUpper(c))
                {
                    allUpper = false;
                }
            }
        }

        return hasDigit || (hasLetter && allUpper) || (allUpper && !hasLetter);
    }

    private static string JoinIdentifier(ReadOnlySpan<char> run)
    {
        Span<char> buffer = run.Length <= 128 ? stackalloc char[run.Length] : new char[run.Length];
        var length = 0;
        for (var i = 0; i < run.Length; i++)
        {
            var c = run[i];
            if (c == '.' && i > 0 && i + 1 < run.Length && char.IsDigit(run[i - 1]) && char.IsDigit(run[i + 1]))
            {
                // Keep decimals apart from integers: 1.2 must not match 12.
                buffer[length++] = 'p';
            }
            else if (!IsConnector(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>Lower-cases and applies a light English plural fold (therapies→therapy, cells→cell).</summary>
    private static string NormaliseWord(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var allLetters = true;
        var hasUpperAfterFirst = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (!char.IsLetter(c))
            {
                allLetters = false;
            }
            else if (i > 0 && char.IsUpper(c))
            {
                hasUpperAfterFirst = true;
            }

            buffer[i] = char.ToLowerInvariant(c);
        }

        var lower = buffer[..word.Length];
        // Acronyms (CARs, TILs) and words with digits are identifiers: fold only a trailing lower-case s.
        if (!allLetters || lower.Length < 4)
        {
            return new string(lower);
        }

        if (hasUpperAfterFirst)
        {
            return word[^1] == 's' && char.IsUpper(word[^2]) ? new string(lower[..^1]) : new string(lower);
        }

        return new string(FoldPlural(lower));
    }

    private static ReadOnlySpan<char> FoldPlural(Span<char> w)
    {
        if (w.Length > 4 && w.EndsWith("ies") && !w.EndsWith("eies") && !w.EndsWith("aies"))
        {
            w[^3] = 'y';
            return w[..^2];
        }

        if (w.EndsWith("sses") || w.EndsWith("xes") || w.EndsWith("ches") || w.EndsWith("shes"))
        {
            return w[..^2];
        }

        if (w[^1] == 's' && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is"))
        {
            return w[..^1];
        }

        return w;
    }
}
