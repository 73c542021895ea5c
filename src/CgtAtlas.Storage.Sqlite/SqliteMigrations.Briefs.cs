namespace CgtAtlas.Storage.Sqlite;

/// <summary>Migrations of the briefs capability.</summary>
internal static partial class SqliteMigrations
{
    /// <summary>Composed briefs, one row per document and language; a row is valid only for the content hash and rule
    /// versions it records (anything else is recomputed and replaces it).</summary>
    private const string Briefs =
        """
        CREATE TABLE brief_cache (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            language TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            extractor_version INTEGER NOT NULL,
            composer_version INTEGER NOT NULL,
            brief_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, language)
        ) WITHOUT ROWID;
        """;
}
