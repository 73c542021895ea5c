namespace CgtAtlas.Search;

/// <summary>A query the user typed cannot be parsed; the message says what and where, in words a user understands.</summary>
public sealed class QuerySyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QuerySyntaxException(string message, int position) : base(message) => Position = position;

    /// <summary>Creates the exception without a position.</summary>
    public QuerySyntaxException() : this("invalid query", 0)
    {
    }

    /// <summary>Creates the exception.</summary>
    public QuerySyntaxException(string message) : this(message, 0)
    {
    }

    /// <summary>Creates the exception.</summary>
    public QuerySyntaxException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>0-based character position in the query where the problem was found.</summary>
    public int Position { get; }
}
