using System.Globalization;
using CgtAtlas.Insights;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>
/// Keeps composed briefs in the library's <c>brief_cache</c> table (created by the <c>Briefs</c> migration). One row per
/// document and language; a row is returned only when its content hash and rule versions match the request, so an
/// edited document or a new extractor/composer version recomputes the brief and replaces the row.
/// </summary>
public sealed class SqliteBriefCache : IBriefCache, IDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteBriefCache(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens the cache of the library <paramref name="store"/> (its own connection to the same file).</summary>
    public static SqliteBriefCache For(SqliteLibraryStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = store.Path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";
            command.ExecuteNonQuery();
            return new SqliteBriefCache(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public Brief? TryGet(BriefCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT brief_json FROM brief_cache
            WHERE doc_id = $id AND language = $lang AND content_hash = $hash AND extractor_version = $ev AND composer_version = $cv
            """;
        Bind(command, key);
        return command.ExecuteScalar() is string json ? BriefRenderer.FromJson(json) : null;
    }

    /// <inheritdoc />
    public void Put(BriefCacheKey key, Brief brief)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(brief);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO brief_cache(doc_id, language, content_hash, extractor_version, composer_version, brief_json, created_at)
            VALUES ($id, $lang, $hash, $ev, $cv, $json, $at)
            ON CONFLICT(doc_id, language) DO UPDATE SET content_hash = excluded.content_hash, extractor_version = excluded.extractor_version,
                composer_version = excluded.composer_version, brief_json = excluded.brief_json, created_at = excluded.created_at
            """;
        Bind(command, key);
        command.Parameters.AddWithValue("$json", BriefRenderer.ToJson(brief));
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 8)
        {
            // Busy, locked or read-only: the brief is still returned, only not kept.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static void Bind(SqliteCommand command, BriefCacheKey key)
    {
        command.Parameters.AddWithValue("$id", key.DocumentId);
        command.Parameters.AddWithValue("$lang", key.Language);
        command.Parameters.AddWithValue("$hash", key.ContentHash);
        command.Parameters.AddWithValue("$ev", key.ExtractorVersion);
        command.Parameters.AddWithValue("$cv", key.ComposerVersion);
    }
}
