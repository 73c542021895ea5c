namespace CgtAtlas.Storage.Sqlite;

internal static partial class SqliteMigrations
{
    /// <summary>
    /// Search facets by modality and agency (one row per document and subject that passes the counting rule), and the
    /// automatic tags an analyst removed (so they are not put back). Existing documents are backfilled in the same
    /// transaction (<see cref="DocumentSubjectRows.Backfill"/>).
    /// </summary>
    private const string Subjects =
        """
        CREATE TABLE document_subjects (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('modality', 'agency')),
            value TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (doc_id, kind, value)
        ) WITHOUT ROWID;
        CREATE INDEX ix_document_subjects_value ON document_subjects(kind, value, doc_id);
        CREATE TABLE tag_rejections (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL,
            rejected_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, name, type)
        ) WITHOUT ROWID;
        """;
}
