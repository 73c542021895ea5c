using System.Globalization;
using CgtAtlas.Documents;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>
/// One SQLite transaction over many documents; each document is written under its own savepoint so a failure
/// rolls back that document alone. Commands are prepared once per batch and re-bound per row.
/// </summary>
internal sealed class SqliteDocumentBatch : IDocumentBatch
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insertDocument;
    private readonly SqliteCommand _insertParagraphs;
    private readonly SqliteCommand _insertFts;
    private readonly SqliteCommand _findHash;
    private readonly SqliteCommand _insertSubject;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;
    private SqliteCommand? _insertCollection;
    private SqliteCommand? _linkCollection;
    private readonly List<(long Id, byte[] Title, byte[] Body)> _pendingIndexRows = [];
    private bool _completed;

    public SqliteDocumentBatch(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction(deferred: false);
        _insertDocument = Prepare("""
            INSERT INTO documents (title, source, url, published, language, format, encoding, content_hash, simhash, near_dup_of,
                                   origin_path, ingested_at, paragraph_count, char_count)
            VALUES ($title, $source, $url, $published, $language, $format, $encoding, $hash, $simhash, $near, $path, $at, $count, $chars)
            RETURNING id
            """, "$title", "$source", "$url", "$published", "$language", "$format", "$encoding", "$hash", "$simhash", "$near", "$path",
            "$at", "$count", "$chars");
        // The JSON arrives as UTF-8 bytes; CAST stores them as TEXT without a conversion.
        _insertParagraphs = Prepare("INSERT INTO document_paragraphs (doc_id, paragraphs) VALUES ($doc, CAST($json AS TEXT))", "$doc", "$json");
        // UTF-8 bytes made on ingest's reading thread (PreparedWrite); CAST makes them TEXT without a conversion.
        _insertFts = Prepare("INSERT INTO doc_fts (rowid, title, body) VALUES ($id, CAST($title AS TEXT), CAST($body AS TEXT))", "$id", "$title", "$body");
        _findHash = Prepare("SELECT id FROM documents WHERE content_hash = $hash", "$hash");
        _insertSubject = Prepare(DocumentSubjectRows.InsertSql, "$doc", "$kind", "$value", "$mentions");
        // Savepoint statements run twice per document: prepared once, they cost nothing next to the inserts.
        _savepoint = Prepare("SAVEPOINT doc");
        _release = Prepare("RELEASE doc");
        _rollbackTo = Prepare("ROLLBACK TO doc");
    }

    public long? FindByContentHash(string contentHash)
    {
        _findHash.Parameters["$hash"].Value = contentHash;
        return _findHash.ExecuteScalar() is long id ? id : null;
    }

    public long Add(NewDocument document)
    {
        var content = document.Content;
        var prepared = document.Prepared as PreparedWrite ?? PreparedWrite.Of(content, document.IndexTitle, document.IndexBody);
        _savepoint.ExecuteNonQuery();
        try
        {
            var p = _insertDocument.Parameters;
            p["$title"].Value = content.Title;
            p["$source"].Value = (object?)content.Source ?? DBNull.Value;
            p["$url"].Value = (object?)content.Url ?? DBNull.Value;
            p["$published"].Value = content.Published is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            p["$language"].Value = document.Language.ToCode();
            p["$format"].Value = content.Format;
            p["$encoding"].Value = (object?)content.Encoding ?? DBNull.Value;
            p["$hash"].Value = document.ContentHash;
            p["$simhash"].Value = document.SimHash is { } sim ? unchecked((long)sim) : DBNull.Value;
            p["$near"].Value = document.NearDuplicateOf is { } near ? near : DBNull.Value;
            p["$path"].Value = content.OriginPath;
            p["$at"].Value = document.IngestedAt.ToString("O", CultureInfo.InvariantCulture);
            p["$count"].Value = content.Paragraphs.Count;
            p["$chars"].Value = content.Paragraphs.Sum(x => x.Text.Length);
            var id = (long)_insertDocument.ExecuteScalar()!;

            _insertParagraphs.Parameters["$doc"].Value = id;
            _insertParagraphs.Parameters["$json"].Value = prepared.ParagraphsJson;
            _insertParagraphs.ExecuteNonQuery();

            AddToCollections(id, document.Collections);
            DocumentSubjectRows.Insert(_insertSubject, id, document.Subjects);
            _release.ExecuteNonQuery();

            // Index rows are written at commit: opening a savepoint makes FTS5 flush its pending terms, so inserting
            // them per document turned every document into its own index segment (a quarter of ingest time).
            _pendingIndexRows.Add((id, prepared.IndexTitle, prepared.IndexBody));
            return id;
        }
        catch
        {
            _rollbackTo.ExecuteNonQuery();
            _release.ExecuteNonQuery();
            throw;
        }
    }

    public void AddToCollections(long documentId, IReadOnlyList<string> collections)
    {
        if (collections.Count == 0)
        {
            return;
        }

        // Prepared on first use and kept for the batch: a folder ingested into a collection adds every document to it.
        _insertCollection ??= Prepare("INSERT INTO collections (name, created_at) VALUES ($name, $at) ON CONFLICT(name) DO NOTHING", "$name", "$at");
        _linkCollection ??= Prepare("INSERT OR IGNORE INTO document_collections (doc_id, collection_id) SELECT $doc, id FROM collections WHERE name = $name",
            "$doc", "$name");
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var name in collections)
        {
            _insertCollection.Parameters["$name"].Value = name;
            _insertCollection.Parameters["$at"].Value = at;
            _insertCollection.ExecuteNonQuery();
            _linkCollection.Parameters["$doc"].Value = documentId;
            _linkCollection.Parameters["$name"].Value = name;
            _linkCollection.ExecuteNonQuery();
        }
    }

    public DocumentProvenance GetProvenance(long documentId)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SELECT published, source IS NOT NULL OR url IS NOT NULL FROM documents WHERE id = $id";
        command.Parameters.AddWithValue("$id", documentId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return new DocumentProvenance(null, false);
        }

        DateOnly? published = !reader.IsDBNull(0)
            && DateOnly.TryParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;
        return new DocumentProvenance(published, reader.GetBoolean(1));
    }

    public void Relink(long oldCanonical, long newCanonical)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = """
            UPDATE documents SET near_dup_of = $new WHERE (id = $old OR near_dup_of = $old) AND id <> $new;
            UPDATE documents SET near_dup_of = NULL WHERE id = $new;
            """;
        command.Parameters.AddWithValue("$old", oldCanonical);
        command.Parameters.AddWithValue("$new", newCanonical);
        command.ExecuteNonQuery();
    }

    public void Commit()
    {
        if (!_completed)
        {
            var fp = _insertFts.Parameters;
            foreach (var (id, title, body) in _pendingIndexRows)
            {
                fp["$id"].Value = id;
                fp["$title"].Value = title;
                fp["$body"].Value = body;
                _insertFts.ExecuteNonQuery();
            }

            _pendingIndexRows.Clear();
            _transaction.Commit();
            _completed = true;
        }
    }

    public void Dispose()
    {
        _insertDocument.Dispose();
        _insertParagraphs.Dispose();
        _insertCollection?.Dispose();
        _linkCollection?.Dispose();
        _insertFts.Dispose();
        _findHash.Dispose();
        _insertSubject.Dispose();
        _savepoint.Dispose();
        _release.Dispose();
        _rollbackTo.Dispose();
        if (!_completed)
        {
            _transaction.Rollback();
        }

        _transaction.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }
}
