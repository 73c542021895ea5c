using System.Globalization;
using CgtAtlas.Workspace;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>
/// The workspace tables in the library file, on a connection of their own. Open the library with
/// <see cref="SqliteLibraryStore.Open"/> first: that brings the schema (including these tables) up to date.
/// </summary>
public sealed class SqliteWorkspaceStore : IWorkspaceStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private SqliteWorkspaceStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>Opens the workspace of the library at <paramref name="path"/> (which must already be migrated).</summary>
    public static SqliteWorkspaceStore Open(string path, TimeProvider? clock = null)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // synchronous = NORMAL as on the library's own connection: in WAL mode a commit then needs no fsync (a power cut
            // may lose the last commits, never consistency). With FULL, tagging each new document after an ingest waited
            // ~2 ms on the disk per document.
            command.CommandText = """
                PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;
                SELECT count(*) FROM sqlite_master WHERE name = 'review_states'
                """;
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                throw new InvalidDataException($"'{path}' has no workspace tables: open it with SqliteLibraryStore.Open first");
            }

            return new SqliteWorkspaceStore(connection, clock ?? TimeProvider.System);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private string Now => _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public DocumentState GetState(long documentId) =>
        GetStates([documentId]).GetValueOrDefault(documentId) ?? new DocumentState { DocumentId = documentId };

    /// <inheritdoc />
    public IReadOnlyDictionary<long, DocumentState> GetStates(IReadOnlyCollection<long> documentIds)
    {
        var result = documentIds.Distinct().ToDictionary(id => id, id => new DocumentState { DocumentId = id });
        if (result.Count == 0)
        {
            return result;
        }

        using var command = _connection.CreateCommand();
        var ids = InList(command, result.Keys);
        command.CommandText = $"SELECT doc_id, status, note, updated_at FROM review_states WHERE doc_id IN ({ids})";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                WorkspaceCodes.TryParseStatus(reader.GetString(1), out var status);
                result[id] = result[id] with
                {
                    Status = status,
                    Note = reader.IsDBNull(2) ? null : reader.GetString(2),
                    UpdatedAt = DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                };
            }
        }

        command.CommandText = $"""
            SELECT dt.doc_id, t.id, t.name, t.type, dt.origin FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
            WHERE dt.doc_id IN ({ids}) ORDER BY t.type, t.name
            """;
        var tags = new Dictionary<long, List<Tag>>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                WorkspaceCodes.TryParseTagType(reader.GetString(3), out var type);
                var id = reader.GetInt64(0);
                if (!tags.TryGetValue(id, out var list))
                {
                    tags[id] = list = [];
                }

                list.Add(new Tag(reader.GetInt64(1), reader.GetString(2), type) { Automatic = reader.GetString(4) == AutoOrigin });
            }
        }

        foreach (var (id, list) in tags)
        {
            result[id] = result[id] with { Tags = list };
        }

        return result;
    }

    /// <inheritdoc />
    public bool SetStatus(long documentId, ReviewStatus status)
    {
        if (!DocumentExists(documentId))
        {
            return false;
        }

        Execute("""
            INSERT INTO review_states(doc_id, status, updated_at) VALUES ($id, $s, $now)
            ON CONFLICT(doc_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
            """, ("$id", documentId), ("$s", status.ToCode()), ("$now", Now));
        return true;
    }

    /// <inheritdoc />
    public bool SetNote(long documentId, string? note)
    {
        if (!DocumentExists(documentId))
        {
            return false;
        }

        var value = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Execute("""
            INSERT INTO review_states(doc_id, status, note, updated_at) VALUES ($id, 'new', $note, $now)
            ON CONFLICT(doc_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at
            """, ("$id", documentId), ("$note", (object?)value ?? DBNull.Value), ("$now", Now));
        return true;
    }

    /// <inheritdoc />
    public Tag? AddTag(long documentId, string name, TagType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!DocumentExists(documentId))
        {
            return null;
        }

        // A person adding a tag back overrides an earlier removal.
        Execute("DELETE FROM tag_rejections WHERE doc_id = $d AND name = $n AND type = $t", ("$d", documentId), ("$n", name.Trim()), ("$t", type.ToCode()));
        return Attach(documentId, name.Trim(), type, "user");
    }

    /// <inheritdoc />
    public IReadOnlyList<Tag> AddAutomaticTags(long documentId, IReadOnlyList<(string Name, TagType Type)> tags)
    {
        if (tags.Count == 0 || !DocumentExists(documentId))
        {
            return [];
        }

        return Atomically(() => AddMissing(documentId, tags));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, IReadOnlyList<Tag>> AddAutomaticTagsToMany(
        IReadOnlyList<(long DocumentId, IReadOnlyList<(string Name, TagType Type)> Tags)> batch) => Atomically(() =>
    {
        var added = new Dictionary<long, IReadOnlyList<Tag>>();
        foreach (var (documentId, tags) in batch)
        {
            if (DocumentExists(documentId))
            {
                added[documentId] = tags.Count == 0 ? [] : AddMissing(documentId, tags);
            }
        }

        return (IReadOnlyDictionary<long, IReadOnlyList<Tag>>)added;
    });

    private List<Tag> AddMissing(long documentId, IReadOnlyList<(string Name, TagType Type)> tags)
    {
        var present = GetState(documentId).Tags.Select(t => (t.Name.ToUpperInvariant(), t.Type)).ToHashSet();
        var added = new List<Tag>();
        foreach (var (name, type) in tags.Where(t => !string.IsNullOrWhiteSpace(t.Name)))
        {
            var clean = name.Trim();
            if (present.Contains((clean.ToUpperInvariant(), type)) || IsRejected(documentId, clean, type))
            {
                continue;
            }

            added.Add(Attach(documentId, clean, type, AutoOrigin) with { Automatic = true });
            present.Add((clean.ToUpperInvariant(), type));
        }

        return added;
    }

    /// <inheritdoc />
    public bool RemoveTag(long documentId, long tagId) => Atomically(() =>
    {
        Execute("""
            INSERT INTO tag_rejections(doc_id, name, type, rejected_at)
            SELECT dt.doc_id, t.name, t.type, $now FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.doc_id = $d AND dt.tag_id = $t
            ON CONFLICT DO NOTHING
            """, ("$d", documentId), ("$t", tagId), ("$now", Now));
        return Execute("DELETE FROM document_tags WHERE doc_id = $d AND tag_id = $t", ("$d", documentId), ("$t", tagId)) > 0;
    });

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. Plain BEGIN/COMMIT statements rather than BeginTransaction, so the
    /// store's ordinary commands (which carry no transaction object) can run inside it.
    /// </summary>
    private T Atomically<T>(Func<T> work)
    {
        Execute("BEGIN IMMEDIATE");
        try
        {
            var result = work();
            Execute("COMMIT");
            return result;
        }
        catch
        {
            Execute("ROLLBACK");
            throw;
        }
    }

    private const string AutoOrigin = "auto";

    /// <summary>Creates the tag when new and puts it on the document (a tag already there keeps its origin).</summary>
    private Tag Attach(long documentId, string name, TagType type, string origin)
    {
        Execute("INSERT INTO tags(name, type, created_at) VALUES ($n, $t, $now) ON CONFLICT(name, type) DO NOTHING",
            ("$n", name), ("$t", type.ToCode()), ("$now", Now));
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, name FROM tags WHERE name = $n AND type = $t";
        command.Parameters.AddWithValue("$n", name);
        command.Parameters.AddWithValue("$t", type.ToCode());
        long id;
        string stored;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            id = reader.GetInt64(0);
            stored = reader.GetString(1);
        }

        Execute("INSERT INTO document_tags(doc_id, tag_id, origin, created_at) VALUES ($d, $t, $o, $now) ON CONFLICT DO NOTHING",
            ("$d", documentId), ("$t", id), ("$o", origin), ("$now", Now));
        return new Tag(id, stored, type);
    }

    private bool IsRejected(long documentId, string name, TagType type)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM tag_rejections WHERE doc_id = $d AND name = $n AND type = $t";
        command.Parameters.AddWithValue("$d", documentId);
        command.Parameters.AddWithValue("$n", name);
        command.Parameters.AddWithValue("$t", type.ToCode());
        return command.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public IReadOnlyList<(Tag Tag, int Documents)> ListTags()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT t.id, t.name, t.type, (SELECT count(*) FROM document_tags dt WHERE dt.tag_id = t.id)
            FROM tags t ORDER BY t.type, t.name
            """;
        using var reader = command.ExecuteReader();
        var list = new List<(Tag, int)>();
        while (reader.Read())
        {
            WorkspaceCodes.TryParseTagType(reader.GetString(2), out var type);
            list.Add((new Tag(reader.GetInt64(0), reader.GetString(1), type), reader.GetInt32(3)));
        }

        return list;
    }

    /// <inheritdoc />
    public StatusCounts CountStatuses(IReadOnlyCollection<long> documentIds)
    {
        var states = GetStates(documentIds);
        int Count(ReviewStatus s) => states.Values.Count(v => v.Status == s);
        return new StatusCounts(Count(ReviewStatus.New), Count(ReviewStatus.Reviewing), Count(ReviewStatus.Done), Count(ReviewStatus.Archived));
    }

    /// <inheritdoc />
    public IReadOnlyList<Topic> ListTopics()
    {
        // Every collection and every tag in use is a topic: add the ones created since the last listing (idempotent).
        Execute("INSERT INTO topics(name, kind, created_at) SELECT name, 'collection', created_at FROM collections WHERE true ON CONFLICT(kind, name) DO NOTHING");
        Execute("""
            INSERT INTO topics(name, kind, created_at)
            SELECT t.name, 'tag', min(t.created_at) FROM tags t WHERE EXISTS (SELECT 1 FROM document_tags dt WHERE dt.tag_id = t.id)
            GROUP BY t.name ON CONFLICT(kind, name) DO NOTHING
            """);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {TopicColumns} FROM topics t ORDER BY t.kind, t.name";
        return ReadTopics(command);
    }

    /// <inheritdoc />
    public Topic? GetTopic(long id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {TopicColumns} FROM topics t WHERE t.id = $id";
        command.Parameters.AddWithValue("$id", id);
        return ReadTopics(command).FirstOrDefault();
    }

    /// <inheritdoc />
    public Topic CreateTopic(string name, TopicKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var code = kind == TopicKind.Tag ? "tag" : "collection";
        Execute("INSERT INTO topics(name, kind, created_at) VALUES ($n, $k, $now) ON CONFLICT(kind, name) DO NOTHING",
            ("$n", name.Trim()), ("$k", code), ("$now", Now));
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {TopicColumns} FROM topics t WHERE t.name = $n AND t.kind = $k";
        command.Parameters.AddWithValue("$n", name.Trim());
        command.Parameters.AddWithValue("$k", code);
        return ReadTopics(command).Single();
    }

    /// <inheritdoc />
    public IReadOnlyList<long> TopicDocumentIds(Topic topic)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = topic.Kind == TopicKind.Tag
            ? """
              SELECT DISTINCT d.id, d.published FROM documents d JOIN document_tags dt ON dt.doc_id = d.id JOIN tags t ON t.id = dt.tag_id
              WHERE t.name = $n ORDER BY d.published IS NULL, d.published DESC, d.id DESC
              """
            : """
              SELECT d.id FROM documents d JOIN document_collections dc ON dc.doc_id = d.id JOIN collections c ON c.id = dc.collection_id
              WHERE c.name = $n ORDER BY d.published IS NULL, d.published DESC, d.id DESC
              """;
        command.Parameters.AddWithValue("$n", topic.Name);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, IReadOnlyList<string>> CollectionsOf(IReadOnlyCollection<long> documentIds)
    {
        var result = new Dictionary<long, IReadOnlyList<string>>();
        if (documentIds.Count == 0)
        {
            return result;
        }

        using var command = _connection.CreateCommand();
        var ids = InList(command, documentIds.Distinct());
        command.CommandText = $"""
            SELECT dc.doc_id, c.name FROM document_collections dc JOIN collections c ON c.id = dc.collection_id
            WHERE dc.doc_id IN ({ids}) ORDER BY c.name
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = new List<string>();
            }

            ((List<string>)list).Add(reader.GetString(1));
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<SavedSearch> ListSavedSearches()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, name, query, last_opened_at, last_seen_doc_id FROM saved_searches ORDER BY id DESC";
        return ReadSaved(command);
    }

    /// <inheritdoc />
    public SavedSearch? GetSavedSearch(long id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, name, query, last_opened_at, last_seen_doc_id FROM saved_searches WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return ReadSaved(command).FirstOrDefault();
    }

    /// <inheritdoc />
    public SavedSearch SaveSearch(string name, string query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(query);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO saved_searches(name, query, created_at, last_opened_at, last_seen_doc_id)
            VALUES ($n, $q, $now, $now, (SELECT coalesce(max(id), 0) FROM documents)) RETURNING id
            """;
        command.Parameters.AddWithValue("$n", name.Trim());
        command.Parameters.AddWithValue("$q", query);
        command.Parameters.AddWithValue("$now", Now);
        var id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return GetSavedSearch(id)!;
    }

    /// <inheritdoc />
    public void MarkOpened(long id) =>
        Execute("UPDATE saved_searches SET last_opened_at = $now, last_seen_doc_id = (SELECT coalesce(max(id), 0) FROM documents) WHERE id = $id",
            ("$id", id), ("$now", Now));

    /// <inheritdoc />
    public bool DeleteSavedSearch(long id) => Execute("DELETE FROM saved_searches WHERE id = $id", ("$id", id)) > 0;

    /// <inheritdoc />
    public long MaxDocumentId()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM documents";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public string? GetSetting(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM workspace_settings WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() as string;
    }

    /// <inheritdoc />
    public void SetSetting(string key, string value) =>
        Execute("INSERT INTO workspace_settings(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            ("$k", key), ("$v", value));

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private const string TopicColumns = """
        t.id, t.name, t.kind, t.created_at,
        CASE t.kind
          WHEN 'collection' THEN (SELECT count(*) FROM document_collections dc JOIN collections c ON c.id = dc.collection_id WHERE c.name = t.name)
          ELSE (SELECT count(DISTINCT dt.doc_id) FROM document_tags dt JOIN tags g ON g.id = dt.tag_id WHERE g.name = t.name)
        END
        """;

    private static List<Topic> ReadTopics(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<Topic>();
        while (reader.Read())
        {
            list.Add(new Topic(reader.GetInt64(0), reader.GetString(1),
                reader.GetString(2) == "tag" ? TopicKind.Tag : TopicKind.Collection, reader.GetInt32(4),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static List<SavedSearch> ReadSaved(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<SavedSearch>();
        while (reader.Read())
        {
            list.Add(new SavedSearch(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), reader.GetInt64(4)));
        }

        return list;
    }

    private bool DocumentExists(long id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM documents WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    private static string InList(SqliteCommand command, IEnumerable<long> ids)
    {
        var names = new List<string>();
        foreach (var id in ids)
        {
            var name = "$i" + names.Count.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            command.Parameters.AddWithValue(name, id);
        }

        return string.Join(',', names);
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
