using System.Text;
using CgtAtlas.Documents;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>
/// The bytes a document's rows are written from, made ahead of the write (on ingest's reading thread, through
/// <see cref="SqliteLibraryStore.PrepareWrite"/>): the paragraphs' JSON and the analysed index text, all UTF-8, which is
/// what SQLite stores. Binding .NET strings instead makes the writing thread transcode them, and that thread is the
/// longer of ingest's two.
/// </summary>
internal sealed record PreparedWrite(byte[] ParagraphsJson, byte[] IndexTitle, byte[] IndexBody)
{
    public static PreparedWrite Of(DocumentContent content, string indexTitle, string indexBody) =>
        new(StoredParagraphs.Encode(content.Paragraphs), Encoding.UTF8.GetBytes(indexTitle), Encoding.UTF8.GetBytes(indexBody));
}
