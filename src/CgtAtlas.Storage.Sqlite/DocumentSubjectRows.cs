using System.Globalization;
using CgtAtlas.Documents;
using CgtAtlas.Facts;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>Reads and writes the <c>document_subjects</c> table (modality and agency facets).</summary>
internal static class DocumentSubjectRows
{
    public const string InsertSql = "INSERT OR IGNORE INTO document_subjects(doc_id, kind, value, mentions) VALUES ($doc, $kind, $value, $mentions)";

    private const string VersionKey = "subjects_version";

    public static string Code(SubjectKind kind) => kind == SubjectKind.Agency ? "agency" : "modality";

    /// <summary>Writes the subjects of one document with a prepared <see cref="InsertSql"/> command.</summary>
    public static void Insert(SqliteCommand insert, long documentId, IReadOnlyList<DocumentSubject> subjects)
    {
        var p = insert.Parameters;
        p["$doc"].Value = documentId;
        foreach (var subject in subjects)
        {
            p["$kind"].Value = Code(subject.Kind);
            p["$value"].Value = subject.Value;
            p["$mentions"].Value = subject.Mentions;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>True when the stored subjects were computed by an older rule than <see cref="DocumentSubjects.Version"/>.</summary>
    public static bool Stale(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT value FROM meta WHERE key = '{VersionKey}'";
        return command.ExecuteScalar() as string != DocumentSubjects.Version.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Recomputes every document's subjects from its stored title and paragraphs inside <paramref name="transaction"/>
    /// (a crash leaves the previous rows), one document in memory at a time.
    /// </summary>
    public static void Backfill(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var clear = connection.CreateCommand();
        clear.Transaction = transaction;
        clear.CommandText = "DELETE FROM document_subjects";
        clear.ExecuteNonQuery();

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertSql;
        foreach (var name in new[] { "$doc", "$kind", "$value", "$mentions" })
        {
            insert.Parameters.Add(new SqliteParameter(name, null));
        }

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT d.id, d.title, p.text FROM documents d LEFT JOIN paragraphs p ON p.doc_id = d.id ORDER BY d.id, p.n";
        using (var reader = read.ExecuteReader())
        {
            long current = -1;
            string title = string.Empty;
            var paragraphs = new List<Paragraph>();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (id != current)
                {
                    Flush(insert, current, title, paragraphs);
                    current = id;
                    title = reader.GetString(1);
                    paragraphs = [];
                }

                if (!reader.IsDBNull(2))
                {
                    paragraphs.Add(new Paragraph(paragraphs.Count + 1, reader.GetString(2), Language.Unknown));
                }
            }

            Flush(insert, current, title, paragraphs);
        }

        using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = $"INSERT INTO meta(key, value) VALUES ('{VersionKey}', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        version.Parameters.AddWithValue("$v", DocumentSubjects.Version.ToString(CultureInfo.InvariantCulture));
        version.ExecuteNonQuery();
    }

    private static void Flush(SqliteCommand insert, long id, string title, List<Paragraph> paragraphs)
    {
        if (id >= 0)
        {
            Insert(insert, id, DocumentSubjects.Find(title, paragraphs));
        }
    }
}
