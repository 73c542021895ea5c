using System.Globalization;
using CgtAtlas.Documents;
using CgtAtlas.Storage;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Core.Tests;

/// <summary>A document's paragraphs are stored in one row (schema 6); libraries from before are converted on open.</summary>
public sealed class ParagraphStorageTests
{
    // Characters that JSON must escape or that are easy to mangle: quotes, backslashes, a control character, a Han
    // character outside the BMP (a surrogate pair in .NET) and full-width punctuation.
    private static readonly Paragraph[] s_tricky =
    [
        new(1, "国家药监局批准首个CAR-T产品（“阿基仑赛注射液”），定价120万元。", Language.Zh),
        new(2, "He said \"no\" \\ then left\u0001; <b>&amp;</b> stays as text.", Language.En),
        new(3, "𠀀𪚥 are rare Han characters; 🧬 is not Han.", Language.Mixed),
        new(4, "", Language.Unknown),
    ];

    [Fact]
    public void Paragraphs_round_trip_with_numbers_text_and_language()
    {
        using var temp = new TempLibrary();
        var many = Enumerable.Range(1, 1200)
            .Select(n => new Paragraph(n, n % 3 == 0 ? $"第{n}段：细胞治疗产品的临床数据。" : $"Paragraph {n}: CAR-T persistence data.", n % 3 == 0 ? Language.Zh : Language.En))
            .ToList();
        var ids = Add(temp.Library.Store, s_tricky, many, []);

        Assert.Equal(s_tricky, temp.Library.GetDocument(ids[0])!.Paragraphs);
        Assert.Equal(many, temp.Library.GetDocument(ids[1])!.Paragraphs);
        Assert.Empty(temp.Library.GetDocument(ids[2])!.Paragraphs);
        var several = temp.Library.Store.GetParagraphs(ids);
        Assert.Equal(many, several[ids[1]]);
        Assert.Empty(several[ids[2]]);
        Assert.Equal(s_tricky.Length + many.Count, temp.Library.Store.GetStatistics().Paragraphs);
        Assert.Empty(temp.Library.Store.CheckIntegrity());

        // SQL readers see the old table's rows through the paragraphs view.
        Assert.Equal(s_tricky.Concat(many), ReadView(temp.DbPath, ids));
    }

    [Fact]
    public void Ingested_chinese_document_keeps_its_paragraphs()
    {
        using var temp = new TempLibrary();
        var body = string.Join("\n\n", Enumerable.Range(1, 60).Select(n => $"第{n}段。国家药品监督管理局批准了第{n}个基因治疗产品，用于血友病B。"));
        var report = temp.Library.Ingest([temp.Write("zh.txt", "血友病B基因治疗获批\n\n" + body)]);

        var document = temp.Library.GetDocument(Assert.Single(report.Documents).Id)!;
        Assert.Equal(Enumerable.Range(1, document.Paragraphs.Count), document.Paragraphs.Select(p => p.Number));
        Assert.Contains(document.Paragraphs, p => p.Text == "第60段。国家药品监督管理局批准了第60个基因治疗产品,用于血友病B。");
        Assert.All(document.Paragraphs, p => Assert.Equal(Language.Zh, p.Language));
        Assert.Equal(report.Documents[0].Paragraphs, document.Paragraphs.Count);
    }

    [Fact]
    public void A_library_with_one_row_per_paragraph_is_converted_when_opened()
    {
        using var temp = new TempLibrary();
        var ids = Add(temp.Library.Store, s_tricky, [new Paragraph(1, "Only one.", Language.En)], []);
        temp.Library.Ingest([TestPaths.Corpus]);
        var expected = OldSchema.AllParagraphs(temp);
        var statistics = temp.Library.Store.GetStatistics();
        temp.Library.Dispose();

        OldSchema.RestoreParagraphTable(temp.DbPath, expected, schemaVersion: 5);
        temp.Reopen();

        Assert.Equal(expected, OldSchema.AllParagraphs(temp));
        Assert.Equal(statistics, temp.Library.Store.GetStatistics());
        Assert.Empty(temp.Library.Store.CheckIntegrity());
        Assert.Empty(temp.Library.GetDocument(ids[2])!.Paragraphs);
        Assert.True(statistics.SchemaVersion >= 6);
    }

    [Fact]
    public void Integrity_check_reports_missing_short_and_unreadable_paragraph_rows()
    {
        using var temp = new TempLibrary();
        var ids = Add(temp.Library.Store, s_tricky, [new Paragraph(1, "One.", Language.En), new Paragraph(2, "Two.", Language.En)],
            [new Paragraph(1, "Alone.", Language.En)]);
        temp.Library.Dispose();
        using (var connection = Connect(temp.DbPath))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                DELETE FROM document_paragraphs WHERE doc_id = {ids[0]};
                UPDATE document_paragraphs SET paragraphs = '[[1,"en","One."]]' WHERE doc_id = {ids[1]};
                UPDATE document_paragraphs SET paragraphs = '[[1,"en"' WHERE doc_id = {ids[2]};
                """;
            command.ExecuteNonQuery();
        }

        temp.Reopen();
        var problems = temp.Library.Store.CheckIntegrity();
        Assert.Equal(3, problems.Count);
        Assert.Contains($"document {ids[0]}: no paragraphs stored", problems);
        Assert.Contains($"document {ids[1]}: expected 2 paragraphs, found 1", problems);
        Assert.Contains(problems, p => p.StartsWith($"document {ids[2]}: stored paragraphs:", StringComparison.Ordinal));
    }

    private static List<long> Add(ILibraryStore store, params IReadOnlyList<Paragraph>[] documents)
    {
        var ids = new List<long>();
        using var batch = store.BeginBatch();
        foreach (var paragraphs in documents)
        {
            var title = "Document " + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
            ids.Add(batch.Add(new NewDocument
            {
                Content = new DocumentContent { Title = title, Paragraphs = paragraphs, OriginPath = title + ".txt", Format = "txt" },
                Language = Language.Mixed,
                ContentHash = title,
                IndexTitle = title.ToLowerInvariant(),
                IndexBody = string.Join(' ', paragraphs.Select(p => p.Text)),
                IngestedAt = DateTimeOffset.UnixEpoch,
            }));
        }

        batch.Commit();
        return ids;
    }

    private static List<Paragraph> ReadView(string path, IReadOnlyList<long> ids)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT n, text, language FROM paragraphs WHERE doc_id IN ({string.Join(',', ids)}) ORDER BY doc_id, n";
        using var reader = command.ExecuteReader();
        var result = new List<Paragraph>();
        while (reader.Read())
        {
            var language = LanguageCodes.TryParse(reader.GetString(2), out var parsed) ? parsed : Language.Unknown;
            result.Add(new Paragraph(reader.GetInt32(0), reader.GetString(1), language));
        }

        return result;
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }
}

/// <summary>Turns a library back into the layout of an older schema, as an older CgtAtlas wrote it.</summary>
internal static class OldSchema
{
    /// <summary>Every document's paragraphs, as the current store reads them.</summary>
    public static Dictionary<long, IReadOnlyList<Paragraph>> AllParagraphs(TempLibrary temp)
    {
        using var connection = new SqliteConnection($"Data Source={temp.DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM documents";
        var ids = new List<long>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var paragraphs = temp.Library.Store.GetParagraphs(ids);
        return ids.ToDictionary(id => id, id => paragraphs[id]);
    }

    /// <summary>
    /// Replaces the one-row-per-document paragraphs (schema 6) with the schema-1 table of one row per paragraph, filled from
    /// <paramref name="paragraphs"/> (read by the current store, so the old rows do not depend on the view), and records
    /// <paramref name="schemaVersion"/>.
    /// </summary>
    public static void RestoreParagraphTable(string path, IReadOnlyDictionary<long, IReadOnlyList<Paragraph>> paragraphs, int schemaVersion)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                DROP VIEW paragraphs;
                DROP TABLE document_paragraphs;
                CREATE TABLE paragraphs (doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,
                                         text TEXT NOT NULL, language TEXT NOT NULL, PRIMARY KEY (doc_id, n)) WITHOUT ROWID;
                UPDATE meta SET value = '{schemaVersion}' WHERE key = 'schema_version';
                """;
            command.ExecuteNonQuery();
        }

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO paragraphs (doc_id, n, text, language) VALUES ($doc, $n, $text, $language)";
            var doc = insert.Parameters.Add("$doc", SqliteType.Integer);
            var n = insert.Parameters.Add("$n", SqliteType.Integer);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            var language = insert.Parameters.Add("$language", SqliteType.Text);
            // Reverse order, so the conversion cannot rely on rows arriving in paragraph order.
            foreach (var (id, list) in paragraphs)
            {
                foreach (var paragraph in list.Reverse())
                {
                    doc.Value = id;
                    n.Value = paragraph.Number;
                    text.Value = paragraph.Text;
                    language.Value = paragraph.Language.ToCode();
                    insert.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
    }
}
