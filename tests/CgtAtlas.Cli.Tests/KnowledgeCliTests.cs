using System.Globalization;
using System.Text.Json;
using CgtAtlas.Cli;

namespace CgtAtlas.Core.Tests;

/// <summary>products, stats approvals|trials, import ctgov and entities: JSON shapes, figures and exit codes.</summary>
public sealed class KnowledgeCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-kb-cli-").FullName;

    private string Db => Path.Combine(_dir, "lib.db");

    private static string Ctgov => Path.Combine(TestPaths.TestData, "ctgov");

    private (int Code, string Out, string Err) Run(params string[] args) => CliRun.On(Db, args);

    private static Dictionary<string, int> ByKey(JsonElement groups) =>
        groups.EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, g => g.GetProperty("count").GetInt32());

    [Fact]
    public void Stats_approvals_prints_the_nmpa_counts_of_the_curated_data()
    {
        var september = Run("stats", "approvals", "--agency", "NMPA", "--as-of", "2025-09-16", "--recent-years", "3", "--json");
        Assert.Equal(0, september.Code);
        using (var json = JsonDocument.Parse(september.Out))
        {
            var root = json.RootElement;
            Assert.Equal(14, root.GetProperty("total").GetInt32());
            var byModality = ByKey(root.GetProperty("byModality"));
            Assert.Equal(7, byModality["CAR-T"]);
            Assert.Equal(3, byModality["small nucleic acid"]);
            Assert.Equal(2, byModality["gene therapy"]);
            Assert.Equal(1, byModality["stem cell"]);
            Assert.Equal(1, byModality["oncolytic virus"]);
            Assert.Equal(9, root.GetProperty("recent").GetProperty("count").GetInt32());
            Assert.Equal("2022-09-17", root.GetProperty("recent").GetProperty("from").GetString());
            Assert.Equal(7, root.GetProperty("byModality")[0].GetProperty("products").GetArrayLength());
            Assert.Equal(14, root.GetProperty("products").GetArrayLength());
        }

        var december = Run("stats", "approvals", "--agency", "NMPA", "--as-of", "2025-12-31", "--json");
        using (var json = JsonDocument.Parse(december.Out))
        {
            Assert.Equal(15, json.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(8, ByKey(json.RootElement.GetProperty("byModality"))["CAR-T"]);
        }

        var table = Run("stats", "approvals", "--agency", "NMPA", "--as-of", "2025-09-16");
        Assert.Equal(0, table.Code);
        Assert.Contains("14 approved product(s)", table.Out, StringComparison.Ordinal);
        Assert.Contains("nmpa-hrain-cd19-car-t", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_approvals_writes_charts()
    {
        var svg = Path.Combine(_dir, "approvals.svg");
        var png = Path.Combine(_dir, "approvals.png");
        Assert.Equal(0, Run("stats", "approvals", "--agency", "NMPA", "--as-of", "2025-09-16", "--chart", svg).Code);
        Assert.Equal(0, Run("stats", "approvals", "--as-of", "2025-12-31", "--chart", png, "--json").Code);
        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(svg).Root!.Name.LocalName);
        Assert.Equal((byte)0x89, File.ReadAllBytes(png)[0]);
        Assert.Equal(2, Run("stats", "approvals", "--chart", Path.Combine(_dir, "x.gif")).Code);
    }

    [Theory]
    [InlineData("stats", "approvals", "--as-of", "16/09/2025")]
    [InlineData("stats", "approvals", "--agency", "PMDA")]
    [InlineData("products", "--modality", "teleportation")]
    [InlineData("stats", "trials", "--by", "sponsor")]
    public void Bad_options_exit_2(params string[] args)
    {
        var result = Run(args);
        Assert.Equal(2, result.Code);
        Assert.StartsWith("cgt:", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Products_filters_by_agency_modality_and_year()
    {
        var result = Run("products", "--agency", "NMPA", "--modality", "CAR-T", "--json");
        Assert.Equal(0, result.Code);
        using var json = JsonDocument.Parse(result.Out);
        var products = json.RootElement.GetProperty("products");
        Assert.Equal(9, products.GetArrayLength());
        var first = products[0];
        Assert.Equal("nmpa-axi-cel", first.GetProperty("id").GetString());
        Assert.Equal("阿基仑赛注射液", first.GetProperty("genericNameZh").GetString());
        Assert.Equal("奕凯达", first.GetProperty("brandZh").GetString());
        Assert.Equal(1200000, first.GetProperty("listPrice").GetDecimal());
        Assert.Equal("2021-06-22", first.GetProperty("approvalDate").GetString());
        foreach (var name in new[] { "genericNameEn", "brandEn", "sponsorsEn", "modality", "target", "approvalType", "approvalDatePrecision", "sourceUrl" })
        {
            Assert.True(first.TryGetProperty(name, out _), name);
        }

        using var y2025 = JsonDocument.Parse(Run("products", "--agency", "china", "--year", "2025", "--modality", "小核酸", "--json").Out);
        Assert.Equal(0, y2025.RootElement.GetProperty("count").GetInt32());
        var table = Run("products", "--agency", "NMPA", "--year", "2025");
        Assert.Contains("艾米迈托赛", table.Out, StringComparison.Ordinal);
        Assert.Contains("nmpa-pcar-19b", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ctgov_stores_good_records_reports_bad_ones_and_feeds_trial_stats()
    {
        var import = Run("import", "ctgov", Ctgov, "--json");
        Assert.Equal(1, import.Code); // some records failed
        using (var json = JsonDocument.Parse(import.Out))
        {
            Assert.Equal(21, json.RootElement.GetProperty("imported").GetInt32());
            Assert.Equal(18, json.RootElement.GetProperty("cgt").GetInt32());
            Assert.Equal(4, json.RootElement.GetProperty("failed").GetArrayLength());
        }

        foreach (var name in new[] { "bad-not-json.json", "bad-missing-nctid.json", "bad-wrong-types.json", "bad-page-one-broken-record.json" })
        {
            Assert.Contains(name, import.Err, StringComparison.Ordinal);
        }

        // Importing a good file again updates, it does not duplicate; exit 0.
        var again = Run("import", "ctgov", Path.Combine(Ctgov, "study-NCT02348216-zuma-1.json"), "--json");
        Assert.Equal(0, again.Code);
        using (var json = JsonDocument.Parse(again.Out))
        {
            Assert.Equal(0, json.RootElement.GetProperty("added").GetInt32());
            Assert.Equal(1, json.RootElement.GetProperty("updated").GetInt32());
        }

        var chart = Path.Combine(_dir, "trials.svg");
        var stats = Run("stats", "trials", "--by", "country,modality,phase,status,start-year", "--json", "--chart", chart);
        Assert.Equal(0, stats.Code);
        using (var json = JsonDocument.Parse(stats.Out))
        {
            var root = json.RootElement;
            Assert.Equal(18, root.GetProperty("total").GetInt32());
            Assert.Equal(21, root.GetProperty("imported").GetInt32());
            var country = root.GetProperty("breakdowns")[0];
            Assert.Equal("country", country.GetProperty("dimension").GetString());
            var china = country.GetProperty("rows")[0];
            Assert.Equal("China", china.GetProperty("key").GetString());
            Assert.Equal(12, china.GetProperty("count").GetInt32());
            Assert.Equal(Math.Round(12 / 18.0, 4), china.GetProperty("share").GetDouble(), 4);
            var modality = ByKey(root.GetProperty("breakdowns")[1].GetProperty("rows"));
            Assert.Equal(6, modality["CAR-T"]); // ZUMA-1, ELIANA, CARTITUDE-1, CT041, NCT09000001, NCT09000051
            Assert.Equal(2, modality["gene editing"]);
            Assert.Equal(5, root.GetProperty("breakdowns").GetArrayLength());
        }

        Assert.True(File.Exists(chart));
        using var all = JsonDocument.Parse(Run("stats", "trials", "--by", "modality", "--all", "--json").Out);
        Assert.Equal(21, all.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, Run("info", "--check").Code);
    }

    [Fact]
    public void Import_of_only_bad_input_exits_1_and_stats_without_library_is_reported()
    {
        var bad = Run("import", "ctgov", Path.Combine(Ctgov, "bad-not-json.json"));
        Assert.Equal(1, bad.Code);
        Assert.Contains("not valid JSON", bad.Err, StringComparison.Ordinal);
        var stats = Run("stats", "trials");
        Assert.Equal(1, stats.Code);
        Assert.Contains("no library", stats.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_links_a_stored_document_in_both_languages()
    {
        var ingest = Run("ingest", Path.Combine(TestPaths.Corpus, "news", "zh-axicabtagene-first-cart-2021-06.md"), "--json");
        Assert.Equal(0, ingest.Code);
        using var report = JsonDocument.Parse(ingest.Out);
        var id = report.RootElement.GetProperty("documents")[0].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var result = Run("entities", id, "--json");
        Assert.Equal(0, result.Code);
        using var json = JsonDocument.Parse(result.Out);
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        var axiCel = entities.Single(e => e.GetProperty("id").GetString() == "axicabtagene-ciloleucel");
        Assert.Equal("product", axiCel.GetProperty("type").GetString());
        var paragraphs = axiCel.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetInt32()).ToList();
        Assert.Contains(1, paragraphs);
        Assert.Contains(2, paragraphs);
        var surfaces = axiCel.GetProperty("surfaces").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("阿基仑赛注射液", surfaces);
        Assert.Contains("Yescarta", surfaces);
        Assert.Contains("nmpa-axi-cel", axiCel.GetProperty("records").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "company" && e.GetProperty("id").GetString() == "fosun-kite");
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "regulator" && e.GetProperty("id").GetString() == "NMPA");

        Assert.Equal(1, Run("entities", "9999").Code);
        Assert.Contains("阿基仑赛注射液", Run("entities", id).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_tags_the_stored_documents_with_the_products_and_companies_they_name()
    {
        var ingest = Run("ingest", Path.Combine(TestPaths.Corpus, "news"), "--json");
        Assert.Equal(0, ingest.Code);
        using var report = JsonDocument.Parse(ingest.Out);
        var axiCel = report.RootElement.GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("path").GetString()!.EndsWith("zh-axicabtagene-first-cart-2021-06.md", StringComparison.Ordinal))
            .GetProperty("id").GetInt64();

        using var workspace = CgtAtlas.Storage.Sqlite.SqliteWorkspaceStore.Open(Db);
        var tags = workspace.GetState(axiCel).Tags;
        Assert.Contains(tags, t => t.Type == CgtAtlas.Workspace.TagType.Product && t.Name.Contains("阿基仑赛", StringComparison.Ordinal) && t.Automatic);
        Assert.Contains(tags, t => t.Type == CgtAtlas.Workspace.TagType.Company && t.Automatic);
        // Every document of the folder went through the tagger, not only the first ones.
        Assert.True(workspace.ListTags().Sum(t => t.Documents) >= 20, $"{workspace.ListTags().Sum(t => t.Documents)} tag rows");
    }

    [Fact]
    public void Claim_check_of_a_stored_document_has_the_issue_json_shape()
    {
        // What `cgt check ID --json` will print once fact extraction is merged: claims hand-made from the blue-book report.
        var ingest = Run("ingest", Path.Combine(TestPaths.Corpus, "reports", "zh-cgt-bluebook-14-products-2025-09.md"), "--json");
        using var report = JsonDocument.Parse(ingest.Out);
        var id = report.RootElement.GetProperty("documents")[0].GetProperty("id").GetInt64();
        using var library = LibraryOpener.TryOpen(Db, TextWriter.Null, mustExist: true)!;
        var document = library.GetDocument(id)!;
        Assert.Equal(new DateOnly(2025, 9, 18), document.Published);
        var paragraph = document.Paragraphs.First(p => p.Text.Contains("共批准了14款", StringComparison.Ordinal));

        var kb = CgtAtlas.Knowledge.KnowledgeBase.Default;
        var checker = new CgtAtlas.Analytics.ClaimChecker(kb, new CgtAtlas.Knowledge.TrialClassifier(library.Text, kb));
        var claims = new[]
        {
            new CgtAtlas.Analytics.ClaimInput
            {
                Kind = CgtAtlas.Analytics.ClaimKinds.ApprovalCount, Value = 14, Agency = "国家药监局", Date = new DateOnly(2025, 9, 16),
                Paragraph = paragraph.Number, Evidence = "截至2025年9月，国家药监局共批准了14款细胞与基因治疗产品",
            },
            new CgtAtlas.Analytics.ClaimInput
            {
                Kind = CgtAtlas.Analytics.ClaimKinds.ApprovalCount, Value = 7, Modality = "CAR-T", Agency = "NMPA", Date = new DateOnly(2025, 9, 16),
                Paragraph = paragraph.Number,
            },
            new CgtAtlas.Analytics.ClaimInput
            {
                Kind = CgtAtlas.Analytics.ClaimKinds.ApprovalCount, Value = 15, Agency = "NMPA", Paragraph = paragraph.Number, // as of the publishing date: 14
            },
        };
        var verdicts = checker.Check(claims, document.Published);
        using var output = new StringWriter();
        JsonOutput.Write(output, new { claims = verdicts });
        using var json = JsonDocument.Parse(output.ToString());
        var items = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
        foreach (var name in new[] { "paragraph", "evidence", "claimed", "known", "verdict", "records" })
        {
            Assert.True(items[0].TryGetProperty(name, out _), name);
        }

        Assert.Equal(["agrees", "agrees", "disagrees"], items.Select(i => i.GetProperty("verdict").GetString()));
        Assert.Equal(14, items[0].GetProperty("records").GetArrayLength());
        Assert.Equal(paragraph.Number, items[0].GetProperty("paragraph").GetInt32());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
