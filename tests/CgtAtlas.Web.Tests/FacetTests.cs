using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CgtAtlas.Web.Tests;

/// <summary>Modality and agency facets on the search page and in <c>/api/search</c>.</summary>
public sealed class FacetTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static Task<JsonElement> ReadJson(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();

    private static int CountOf(JsonElement facet, string value) =>
        facet.EnumerateArray().Where(v => v.GetProperty("value").GetString() == value).Select(v => v.GetProperty("count").GetInt32()).SingleOrDefault();

    [Fact]
    public async Task Search_page_lists_modality_counts_and_a_facet_link_filters()
    {
        var html = await web.Client().GetStringAsync("/search?collection=CGT%E4%BA%A7%E5%93%81");
        Assert.Contains("data-facet=\"modality\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?collection=CGT%E4%BA%A7%E5%93%81&amp;modality=CAR-T\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?collection=CGT%E4%BA%A7%E5%93%81&amp;modality=oncolytic%20virus\"", html, StringComparison.Ordinal);

        var filtered = await web.Client().GetStringAsync("/search?collection=CGT%E4%BA%A7%E5%93%81&modality=CAR-T");
        Assert.Contains($"href=\"/documents/{web.XssId}\"", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/documents/{web.OncolyticId}\"", filtered, StringComparison.Ordinal);
        // The chosen value is shown as a removable chip whose link drops only that filter.
        Assert.Contains("class=\"chip on\" href=\"/search?collection=CGT%E4%BA%A7%E5%93%81\"", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_facet_value_on_the_page_is_a_400_with_the_known_values()
    {
        var response = await web.Client().GetAsync("/search?modality=widgets");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("oncolytic virus", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_search_returns_facets_and_filters_by_modality()
    {
        var all = await ReadJson(await web.Client().GetAsync("/api/search?q=collection:CGT产品"));
        var facets = all.GetProperty("facets");
        Assert.Equal(1, CountOf(facets.GetProperty("modality"), "CAR-T"));
        Assert.Equal(1, CountOf(facets.GetProperty("modality"), "oncolytic virus"));
        Assert.Equal(2, CountOf(facets.GetProperty("collection"), "CGT产品"));

        var onlyOncolytic = await ReadJson(await web.Client().GetAsync("/api/search?q=collection:CGT产品&modality=%E6%BA%B6%E7%98%A4%E7%97%85%E6%AF%92"));
        Assert.Equal(1, onlyOncolytic.GetProperty("total").GetInt32());
        Assert.Equal(web.OncolyticId, onlyOncolytic.GetProperty("hits")[0].GetProperty("id").GetInt64());
        Assert.Equal(0, CountOf(onlyOncolytic.GetProperty("facets").GetProperty("modality"), "CAR-T"));

        var none = await ReadJson(await web.Client().GetAsync("/api/search?q=collection:CGT产品&agency=PMDA"));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/search?q=CAR-T&modality=widgets", "widgets")]
    [InlineData("/api/search?q=CAR-T&agency=ministry", "ministry")]
    [InlineData("/api/search?q=modality:widgets", "Unknown modality")]
    public async Task Api_search_rejects_unknown_facet_values(string url, string detail) =>
        await Problems.AssertBadRequestAsync(await web.Client().GetAsync(url), detail);
}
