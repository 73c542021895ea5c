namespace CgtAtlas.Storage.Sqlite;

internal static partial class SqliteMigrations
{
    /// <summary>
    /// A document's paragraphs move from one row each to one row per document (<see cref="StoredParagraphs"/>): ingest
    /// wrote ~30 B-tree rows per document, which cost the writing thread more than the whole document row. Existing rows
    /// are packed in paragraph order; a document without paragraphs gets an empty array, so every document has a row.
    /// The <c>paragraphs</c> view keeps the old table's columns for SQL readers (and for rules that read text in SQL).
    /// </summary>
    private const string Paragraphs =
        """
        CREATE TABLE document_paragraphs (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            paragraphs TEXT NOT NULL
        );
        INSERT INTO document_paragraphs (doc_id, paragraphs)
            SELECT d.id, coalesce((SELECT json_group_array(json_array(p.n, p.language, p.text) ORDER BY p.n) FROM paragraphs p WHERE p.doc_id = d.id), '[]')
            FROM documents d ORDER BY d.id;
        DROP TABLE paragraphs;
        CREATE VIEW paragraphs (doc_id, n, text, language) AS
            SELECT s.doc_id, p.value ->> 0, p.value ->> 2, p.value ->> 1 FROM document_paragraphs s, json_each(s.paragraphs) p;
        """;
}
