using CgtAtlas.Facts;
using CgtAtlas.Search;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Core.Tests;

public sealed class SubjectFacetTests
{
    private const string CarT = """
        ---
        title: 国家药监局批准新的CAR-T产品
        date: 2025-04-10
        ---
        该CAR-T细胞治疗产品用于复发难治大B细胞淋巴瘤。

        嵌合抗原受体T细胞疗法的价格仍是医保谈判的焦点。
        """;

    private const string Passing = """
        ---
        title: Oncolytic virus enters phase 3
        date: 2025-01-02
        ---
        An oncolytic virus armed with GM-CSF entered a phase 3 trial; unlike CAR-T, it needs no cell manufacturing.

        The developer expects oncolytic viruses to be filed with the FDA and with the FDA's CBER office next year.
        """;

    [Fact]
    public void A_subject_counts_when_in_the_title_or_mentioned_twice_in_the_body()
    {
        using var temp = new TempLibrary();
        var report = temp.Library.Ingest([temp.Write("a.md", CarT), temp.Write("b.md", Passing)]);
        var ids = report.Documents.ToDictionary(d => d.Title, d => d.Id);
        var subjects = temp.Library.Store.GetSubjects(ids.Values.ToList());

        var cart = subjects[ids["国家药监局批准新的CAR-T产品"]];
        Assert.Contains(cart, s => s is { Kind: SubjectKind.Modality, Value: "CAR-T", Mentions: 3 });
        Assert.Contains(cart, s => s is { Kind: SubjectKind.Agency, Value: "NMPA" });

        var oncolytic = subjects[ids["Oncolytic virus enters phase 3"]];
        Assert.Contains(oncolytic, s => s is { Kind: SubjectKind.Modality, Value: "oncolytic virus" });
        Assert.Contains(oncolytic, s => s is { Kind: SubjectKind.Agency, Value: "FDA" });
        // One passing mention in the body is not enough.
        Assert.DoesNotContain(oncolytic, s => s.Value == "CAR-T");
    }

    [Fact]
    public void Modality_and_agency_filters_narrow_a_search()
    {
        using var temp = new TempLibrary();
        temp.Library.Ingest([temp.Write("a.md", CarT), temp.Write("b.md", Passing)]);

        Assert.Equal(1, temp.Library.Search(new SearchRequest { Query = "modality:CAR-T" }).Total);
        Assert.Equal(1, temp.Library.Search(new SearchRequest { Query = "modality:溶瘤病毒" }).Total);
        Assert.Equal(1, temp.Library.Search(new SearchRequest { Query = "agency:国家药监局" }).Total);
        Assert.Equal(0, temp.Library.Search(new SearchRequest { Query = "modality:CAR-T agency:FDA" }).Total);
        var error = Assert.Throws<QuerySyntaxException>(() => temp.Library.Search(new SearchRequest { Query = "modality:widgets" }));
        Assert.Contains("Unknown modality", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_from_before_the_subjects_migration_is_backfilled_when_opened()
    {
        using var temp = new TempLibrary();
        temp.Library.Ingest([temp.Write("a.md", CarT), temp.Write("b.md", Passing)]);
        var expected = Snapshot(temp);
        Assert.NotEmpty(expected);
        var paragraphs = OldSchema.AllParagraphs(temp);
        temp.Library.Dispose();

        // Turn the file back into a schema-4 library: one row per paragraph, no subjects tables, no rule version.
        OldSchema.RestoreParagraphTable(temp.DbPath, paragraphs, schemaVersion: 4);
        using (var connection = new SqliteConnection($"Data Source={temp.DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TABLE document_subjects; DROP TABLE tag_rejections;
                DELETE FROM meta WHERE key = 'subjects_version';
                UPDATE meta SET value = '4' WHERE key = 'schema_version';
                """;
            command.ExecuteNonQuery();
        }

        temp.Reopen();
        Assert.Equal(expected, Snapshot(temp));
        Assert.Equal(1, temp.Library.Search(new SearchRequest { Query = "modality:CAR-T" }).Total);
        Assert.True(temp.Library.Store.GetStatistics().SchemaVersion >= 5);
    }

    [Fact]
    public void Stored_subjects_from_an_older_rule_are_recomputed()
    {
        using var temp = new TempLibrary();
        temp.Library.Ingest([temp.Write("a.md", CarT)]);
        var expected = Snapshot(temp);
        temp.Library.Dispose();
        using (var connection = new SqliteConnection($"Data Source={temp.DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM document_subjects; UPDATE meta SET value = '0' WHERE key = 'subjects_version';";
            command.ExecuteNonQuery();
        }

        temp.Reopen();
        Assert.Equal(expected, Snapshot(temp));
    }

    private static List<string> Snapshot(TempLibrary temp)
    {
        var ids = temp.Library.Search(new SearchRequest { Query = "after:1900", Limit = 50 }).Hits.Select(h => h.Id).ToList();
        return temp.Library.Store.GetSubjects(ids).SelectMany(p => p.Value.Select(s => $"{p.Key}:{s.Kind}:{s.Value}:{s.Mentions}")).Order().ToList();
    }
}
