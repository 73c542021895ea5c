using System.Text.Json;

namespace CgtAtlas.Core.Tests;

/// <summary><c>cgt check</c> end to end: facts extracted from a stored document, verified against the curated data.</summary>
public sealed class CheckCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-check-").FullName;

    private (int Code, string Out, string Err) Run(params string[] args) => CliRun.On(Path.Combine(_dir, "lib.db"), args);

    private List<JsonElement> Check(string markdown)
    {
        var path = Path.Combine(_dir, $"doc{Guid.NewGuid():N}.md");
        File.WriteAllText(path, markdown);
        using var ingest = JsonDocument.Parse(Run("ingest", path, "--json").Out);
        var id = ingest.RootElement.GetProperty("documents")[0].GetProperty("id").GetInt64();
        var check = Run("check", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal(0, check.Code);
        using var json = JsonDocument.Parse(check.Out);
        return json.RootElement.GetProperty("claims").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public void A_breakdown_that_matches_the_curated_data_agrees_part_by_part()
    {
        var claims = Check("""
            ---
            title: 我国CGT产品盘点
            date: 2025-09-18
            ---
            截至2025年9月，国家药监局已批准14款细胞与基因治疗产品上市，包括7款CAR-T、3款小核酸药物、2款基因治疗、1款干细胞和1款溶瘤病毒产品，其中9款在近三年获批。
            """);
        var counts = claims.Where(c => c.GetProperty("kind").GetString() == "approval_count").ToList();
        Assert.True(counts.Count >= 6, $"only {counts.Count} approval claims");
        Assert.All(counts, c => Assert.Equal("agrees", c.GetProperty("verdict").GetString()));
        foreach (var name in new[] { "paragraph", "evidence", "claimed", "known", "verdict", "records" })
        {
            Assert.True(counts[0].TryGetProperty(name, out _), name);
        }

        Assert.Equal(14, counts.First(c => c.GetProperty("claimed").GetString()!.StartsWith("14", StringComparison.Ordinal))
            .GetProperty("records").GetArrayLength());
    }

    [Fact]
    public void A_wrong_count_disagrees_and_names_the_known_value()
    {
        var claims = Check("""
            ---
            title: CAR-T in China
            date: 2025-09-20
            ---
            China's drug regulator, the NMPA, has approved 11 CAR-T therapies so far, more than any other country.
            """);
        var claim = Assert.Single(claims, c => c.GetProperty("kind").GetString() == "approval_count");
        Assert.Equal("disagrees", claim.GetProperty("verdict").GetString());
        Assert.StartsWith("7", claim.GetProperty("known").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_document_is_reported() =>
        Assert.Equal(1, Run("check", "42").Code);

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
