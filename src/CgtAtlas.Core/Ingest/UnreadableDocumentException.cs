namespace CgtAtlas.Ingest;

/// <summary>
/// An input cannot be turned into a document. The message is shown to the user next to the file name, so it
/// says what is wrong in plain words ("looks like binary data, not text").
/// </summary>
public sealed class UnreadableDocumentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnreadableDocumentException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnreadableDocumentException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnreadableDocumentException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
