using System.Text;
using CgtAtlas.Search;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>
/// Compiles a <see cref="MatchExpression"/> to an FTS5 MATCH string. Every term is emitted inside double quotes
/// (with quotes doubled), so nothing a user typed can act as FTS5 syntax.
/// </summary>
public static class Fts5QueryCompiler
{
    /// <summary>The MATCH string for <paramref name="expression"/>.</summary>
    public static string Compile(MatchExpression expression)
    {
        var builder = new StringBuilder();
        Write(expression, builder);
        return builder.ToString();
    }

    private static void Write(MatchExpression expression, StringBuilder builder)
    {
        switch (expression)
        {
            case MatchPhrase phrase:
                if (phrase.TitleOnly)
                {
                    builder.Append("{title} : ");
                }

                builder.Append('"');
                for (var i = 0; i < phrase.Terms.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(' ');
                    }

                    builder.Append(phrase.Terms[i].Replace("\"", "\"\"", StringComparison.Ordinal));
                }

                builder.Append('"');
                break;
            case MatchAll all:
                Join(all.Children, " AND ", builder);
                break;
            case MatchAny any:
                Join(any.Children, " OR ", builder);
                break;
            case MatchExcept except:
                builder.Append('(');
                Write(except.Include, builder);
                foreach (var excluded in except.Exclude)
                {
                    builder.Append(" NOT (");
                    Write(excluded, builder);
                    builder.Append(')');
                }

                builder.Append(')');
                break;
            default:
                throw new ArgumentException($"Unknown match node {expression.GetType().Name}", nameof(expression));
        }
    }

    private static void Join(IReadOnlyList<MatchExpression> children, string separator, StringBuilder builder)
    {
        builder.Append('(');
        for (var i = 0; i < children.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            Write(children[i], builder);
        }

        builder.Append(')');
    }
}
