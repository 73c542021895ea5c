using System.Net;
using CgtAtlas.Facts;
using CgtAtlas.Web.Services;

namespace CgtAtlas.Web.Tests;

/// <summary>Facts on the document page read as amounts in the reader's language, not raw numbers and codes.</summary>
public sealed class FactTextTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static Fact Quantity(string kind, double value, string unit, string? qualifier = "exact") =>
        new(kind, value, unit, qualifier, null, null, null, null, null, null, 1, "evidence", null);

    [Theory]
    [InlineData(1200000, "CNY", false, "1.2 million CNY")]
    [InlineData(1200000, "CNY", true, "120万元")]
    [InlineData(1200000000, "USD", false, "$1.2 billion")]
    [InlineData(1200000000, "USD", true, "12亿美元")]
    [InlineData(50, "percent", false, "50%")]
    [InlineData(50, "percent", true, "50%")]
    [InlineData(4500, "count", false, "4,500")]
    [InlineData(60, "working_days", true, "60个工作日")]
    [InlineData(120, "patients", false, "120 patients")]
    public void Amounts_are_grouped_and_scaled_per_language(double value, string unit, bool zh, string expected) =>
        Assert.Equal(expected, FactText.Amount(value, unit, zh));

    [Fact]
    public void Kinds_and_qualifiers_are_translated_in_chinese()
    {
        var price = Quantity(FactKinds.Price, 1200000, "CNY", "over");
        Assert.Equal("超过120万元 · 价格", FactText.Describe(price, zh: true));
        Assert.Equal("over 1.2 million CNY · price", FactText.Describe(price, zh: false));
        Assert.Equal("获批数量", FactText.Kind(FactKinds.ApprovalCount, zh: true));
        Assert.Equal("new kind", FactText.Kind("new_kind", zh: true));
    }

    [Fact]
    public void Every_kind_the_extractor_produces_has_a_chinese_label()
    {
        var kinds = typeof(FactKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.NotEqual(k.Replace('_', ' '), FactText.Kind(k, zh: true)));
    }

    [Fact]
    public async Task Chinese_document_page_shows_facts_without_raw_numbers()
    {
        var client = web.Client();
        client.DefaultRequestHeaders.Add("Cookie", "cgt_lang=zh");
        var html = await client.GetStringAsync($"/documents/{web.XssId}");
        Assert.Contains("万元 · 价格", html, StringComparison.Ordinal);
        Assert.DoesNotContain("000 CNY", html, StringComparison.Ordinal);
        Assert.DoesNotContain("· price", html, StringComparison.Ordinal);
        var english = await web.Client().GetAsync($"/documents/{web.XssId}");
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("million CNY · price", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
