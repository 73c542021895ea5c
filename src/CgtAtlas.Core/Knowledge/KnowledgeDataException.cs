namespace CgtAtlas.Knowledge;

/// <summary>The curated knowledge files are inconsistent; <see cref="Errors"/> lists every problem as <c>file:line: message</c>.</summary>
public sealed class KnowledgeDataException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public KnowledgeDataException(IReadOnlyList<string> errors)
        : base($"knowledge data has {errors.Count} problem(s):\n  " + string.Join("\n  ", errors.Take(50)))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one message.</summary>
    public KnowledgeDataException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with one message and a cause.</summary>
    public KnowledgeDataException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [message];
    }

    /// <summary>Creates an empty exception (serialisation conventions).</summary>
    public KnowledgeDataException()
        : this("knowledge data is invalid")
    {
    }

    /// <summary>Every problem found, each naming file and line.</summary>
    public IReadOnlyList<string> Errors { get; }
}
