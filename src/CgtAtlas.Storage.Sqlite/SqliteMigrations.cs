using Microsoft.Data.Sqlite;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>
/// Versioned schema changes, applied in order inside one transaction each. A library records its schema version in
/// <c>meta</c>; opening a library newer than this build is refused rather than risking damage.
/// </summary>
/// <remarks>
/// Each capability owns its migrations in its own file (<c>SqliteMigrations.*.cs</c>) and appends them here in
/// order; a migration is never edited after it has shipped, only followed by a new one.
/// </remarks>
internal static partial class SqliteMigrations
{
    /// <summary>Each entry brings the schema from version <c>index</c> to <c>index + 1</c>.</summary>
    private static readonly string[] s_steps =
    [
        Documents,
        Knowledge,
        Workspace,
        Briefs,
        Subjects,
        Paragraphs,
    ];

    private const string Documents =
        """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT,
            url TEXT,
            published TEXT,
            language TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT,
            content_hash TEXT NOT NULL UNIQUE,
            simhash INTEGER,
            near_dup_of INTEGER REFERENCES documents(id),
            origin_path TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            paragraph_count INTEGER NOT NULL,
            char_count INTEGER NOT NULL
        );
        CREATE INDEX ix_documents_published ON documents(published);
        CREATE INDEX ix_documents_near_dup ON documents(near_dup_of) WHERE near_dup_of IS NOT NULL;
        CREATE INDEX ix_documents_origin ON documents(origin_path);
        CREATE TABLE paragraphs (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            text TEXT NOT NULL,
            language TEXT NOT NULL,
            PRIMARY KEY (doc_id, n)
        ) WITHOUT ROWID;
        CREATE TABLE collections (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, created_at TEXT NOT NULL);
        CREATE TABLE document_collections (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            PRIMARY KEY (doc_id, collection_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_document_collections_collection ON document_collections(collection_id, doc_id);
        -- Contentless: the analysed text is indexed but not stored a second time; paragraphs hold the text.
        CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        """;

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => s_steps.Length;

    public static void Apply(SqliteConnection connection, string path)
    {
        var current = CurrentVersion(connection);
        if (current > Latest)
        {
            throw new InvalidDataException(
                $"'{path}' was written by a newer CgtAtlas (schema {current}; this build knows up to {Latest}). Upgrade CgtAtlas to open it.");
        }

        for (var version = current; version < Latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = s_steps[version];
                command.ExecuteNonQuery();
            }

            if (s_steps[version] == Subjects)
            {
                DocumentSubjectRows.Backfill(connection, transaction);
            }

            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
                command.Parameters.AddWithValue("$v", (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        // A newer counting rule recomputes the facets of a library that is already on the latest schema.
        if (DocumentSubjectRows.Stale(connection))
        {
            using var transaction = connection.BeginTransaction();
            DocumentSubjectRows.Backfill(connection, transaction);
            transaction.Commit();
        }
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            var tables = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (tables > 0)
            {
                throw new InvalidDataException("the file is an SQLite database but not a CgtAtlas library");
            }

            return 0;
        }

        command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return command.ExecuteScalar() is string value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
