using CgtAtlas.Knowledge;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Knowledge;

public sealed class KnowledgeBaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-kb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Curated_files_load_with_every_row()
    {
        var kb = KnowledgeFixture.Kb;
        Assert.Equal(87, kb.Products.Count);
        Assert.Equal(73, kb.Companies.Count);
        Assert.Equal(16, kb.Regulators.Count);
        Assert.Equal(15, kb.Policies.Count);
        Assert.Equal(28, kb.Statistics.Count);
        Assert.Equal(552, kb.Aliases.Count);
        var hrain = kb.Products.Single(p => p.Id == "nmpa-hrain-cd19-car-t");
        Assert.Equal(DatePrecision.Quarter, hrain.ApprovalDatePrecision);
        Assert.Equal(new DateOnly(2025, 9, 30), hrain.ApprovalPeriodEnd);
        var axiCel = kb.Products.Single(p => p.Id == "nmpa-axi-cel");
        Assert.Equal(1_200_000m, axiCel.ListPrice);
        Assert.Equal("CNY", axiCel.ListPriceCurrency);
        Assert.Contains("KTE-C19", axiCel.CodeNames);
    }

    [Theory]
    [InlineData("阿基仑赛注射液")]
    [InlineData("阿基仑赛")]
    [InlineData("axicabtagene ciloleucel")]
    [InlineData("Axicabtagene Ciloleucel")]
    [InlineData("Yescarta")]
    [InlineData("ＹＥＳＣＡＲＴＡ")]
    [InlineData("奕凯达")]
    [InlineData("axi-cel")]
    [InlineData("KTE-C19")]
    public void Aliases_in_both_languages_resolve_to_one_product(string name)
    {
        Assert.Equal(new EntityRef(EntityType.Product, "axicabtagene-ciloleucel"), KnowledgeFixture.Kb.AliasIndex.Resolve(name));
    }

    [Fact]
    public void Companies_and_former_regulator_names_resolve()
    {
        var index = KnowledgeFixture.Kb.AliasIndex;
        Assert.Equal(new EntityRef(EntityType.Company, "fosun-kite"), index.Resolve("复星凯特"));
        Assert.Equal(new EntityRef(EntityType.Company, "fosun-kite"), index.Resolve("Fosun Kite"));
        Assert.Equal(EntityType.Regulator, index.Resolve("国家药监局")?.Type);
        Assert.Equal(new EntityRef(EntityType.Regulator, "NMPA"), index.Resolve("CFDA"));
        Assert.Null(index.Resolve("HPC, Cord Blood"));
    }

    [Fact]
    public void Traditional_forms_fold_to_simplified()
    {
        // 奕凱達 (traditional) = 奕凯达.
        Assert.Equal("axicabtagene-ciloleucel", KnowledgeFixture.Kb.AliasIndex.Resolve("奕凱達")?.Id);
    }

    [Fact]
    public void Aliases_can_feed_the_search_glossary()
    {
        var entries = KnowledgeFixture.Kb.ToGlossaryEntries();
        var analyzer = TextServices.Default.Analyzer;
        var glossary = Glossary.Build(entries, analyzer);
        var yescarta = glossary.Find("奕凯达", analyzer);
        Assert.NotNull(yescarta);
        Assert.Equal("product", yescarta.Kind);
        Assert.Contains("axicabtagene ciloleucel", yescarta.Aliases);
        Assert.Contains("阿基仑赛注射液", yescarta.Aliases);
        Assert.Equal("company", glossary.Find("Fosun Kite", analyzer)?.Kind);
    }

    [Fact]
    public void Validation_names_file_and_line_of_every_problem()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "data", "knowledge"), "*.csv"))
        {
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        }

        var products = Path.Combine(_dir, "products.csv");
        var lines = File.ReadAllLines(products).ToList();
        lines[1] = lines[1].Replace(",2003-01-01,year,", ",2003-13-01,year,", StringComparison.Ordinal);
        lines[3] = lines[3].Replace(",small nucleic acid,", ",antisense thing,", StringComparison.Ordinal);
        File.WriteAllLines(products, lines);
        File.AppendAllText(Path.Combine(_dir, "aliases.csv"), "product,no-such-product,Nowhere-cel,en\r\n");

        var ex = Assert.Throws<KnowledgeDataException>(() => KnowledgeBase.Load(_dir, TextServices.Default.Analyzer));
        Assert.Contains(ex.Errors, e => e.StartsWith("products.csv:2: approval_date '2003-13-01'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("products.csv:4: modality 'antisense thing' is not canonical", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("aliases.csv:", StringComparison.Ordinal) && e.Contains("unknown product 'no-such-product'", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_file_and_duplicate_alias_are_reported()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "data", "knowledge"), "*.csv"))
        {
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        }

        File.Delete(Path.Combine(_dir, "policies.csv"));
        File.AppendAllText(Path.Combine(_dir, "aliases.csv"), "product,nusinersen,YESCARTA,en\r\n");
        var ex = Assert.Throws<KnowledgeDataException>(() => KnowledgeBase.Load(_dir, TextServices.Default.Analyzer));
        Assert.Contains(ex.Errors, e => e.StartsWith("policies.csv: file not found", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("alias 'YESCARTA' already defined on line", StringComparison.Ordinal));
    }
}
