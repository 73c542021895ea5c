namespace CgtAtlas.Storage.Sqlite;

internal static partial class SqliteMigrations
{
    /// <summary>The analyst workspace (issue 5): review status and notes, typed tags, topics, saved searches, settings.</summary>
    private const string Workspace =
        """
        CREATE TABLE workspace_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE review_states (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewing', 'done', 'archived')),
            note TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_review_states_status ON review_states(status);
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL CHECK (type IN ('product', 'industry', 'company', 'person', 'event')),
            created_at TEXT NOT NULL,
            UNIQUE (name, type)
        );
        CREATE TABLE document_tags (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            origin TEXT NOT NULL DEFAULT 'user',
            created_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_document_tags_tag ON document_tags(tag_id, doc_id);
        CREATE TABLE topics (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE,
            kind TEXT NOT NULL CHECK (kind IN ('collection', 'tag')),
            created_at TEXT NOT NULL,
            UNIQUE (kind, name)
        );
        CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            query TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_opened_at TEXT NOT NULL,
            last_seen_doc_id INTEGER NOT NULL DEFAULT 0
        );
        """;
}
