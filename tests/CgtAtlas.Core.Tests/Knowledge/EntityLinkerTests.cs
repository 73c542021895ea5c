using CgtAtlas.Documents;
using CgtAtlas.Knowledge;

namespace CgtAtlas.Core.Tests.Knowledge;

public sealed class EntityLinkerTests
{
    [Fact]
    public void Links_products_companies_and_regulators_in_Chinese_with_paragraph_numbers()
    {
        var paragraphs = new[]
        {
            new Paragraph(1, "2021年6月，国家药监局批准复星凯特的阿基仑赛注射液（奕凯达）上市，这是我国首款CAR-T产品。", Language.Zh),
            new Paragraph(2, "随后，药明巨诺的瑞基奥仑赛注射液获批。", Language.Zh),
            new Paragraph(3, "奕凯达的定价为120万元。", Language.Zh),
        };
        var mentions = new EntityLinker(KnowledgeFixture.Kb).Link(paragraphs);

        var axiCel = mentions.Single(m => m.Id == "axicabtagene-ciloleucel");
        Assert.Equal(EntityType.Product, axiCel.Type);
        Assert.Equal([1, 3], axiCel.Paragraphs);
        Assert.Contains("nmpa-axi-cel", axiCel.Records);
        Assert.Contains("fda-yescarta", axiCel.Records);
        Assert.Equal(3, axiCel.Mentions);
        Assert.Contains(mentions, m => m.Id == "relmacabtagene-autoleucel" && m.Paragraphs.SequenceEqual([2]));
        Assert.Contains(mentions, m => m is { Type: EntityType.Company, Id: "fosun-kite" });
        Assert.Contains(mentions, m => m is { Type: EntityType.Regulator, Id: "NMPA" });
    }

    [Fact]
    public void Links_in_English_and_keeps_longest_names()
    {
        var mentions = new EntityLinker(KnowledgeFixture.Kb).Link(
            "The FDA approved Yescarta (axicabtagene ciloleucel) from Kite Pharma in 2017; Carvykti followed in 2022.");
        Assert.Contains(mentions, m => m.Id == "axicabtagene-ciloleucel" && m.Mentions == 2);
        Assert.Contains(mentions, m => m.Id == "ciltacabtagene-autoleucel");
        Assert.Contains(mentions, m => m is { Type: EntityType.Regulator, Id: "FDA" });
        Assert.Contains(mentions, m => m is { Type: EntityType.Company, Id: "kite" });
    }

    [Fact]
    public void Short_Chinese_names_must_be_whole_words()
    {
        var linker = new EntityLinker(KnowledgeFixture.Kb, CgtAtlas.Text.TextServices.Default.Segmenter);
        Assert.Contains(linker.Link("强生公司宣布西达基奥仑赛在华获批。"), m => m.Id == "johnson-johnson");
        Assert.DoesNotContain(linker.Link("患者术后恢复良好，坚强生活。"), m => m.Id == "johnson-johnson");
        Assert.Contains(linker.Link("诺华的英克司兰钠"), m => m.Id == "novartis");
    }
}
