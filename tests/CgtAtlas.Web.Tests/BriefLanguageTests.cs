using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CgtAtlas.Web.Tests;

/// <summary>The brief follows the interface language, with a switch (<c>?brief=en|zh</c>).</summary>
public sealed class BriefLanguageTests(WebFixture web) : IClassFixture<WebFixture>
{
    private async Task<List<string>> HeadingsAsync(long id, string lang)
    {
        var brief = await web.Client().GetFromJsonAsync<JsonElement>($"/api/documents/{id}/brief?lang={lang}");
        return brief.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("heading").GetString()!).ToList();
    }

    private HttpClient Chinese()
    {
        var client = web.Client();
        client.DefaultRequestHeaders.Add("Cookie", "cgt_lang=zh");
        return client;
    }

    [Fact]
    public async Task Chinese_interface_shows_the_chinese_brief_and_the_switch_goes_back_to_english()
    {
        var zh = await HeadingsAsync(web.XssId, "zh");
        var en = await HeadingsAsync(web.XssId, "en");
        Assert.NotEmpty(zh);
        Assert.NotEqual(en, zh);

        var html = System.Net.WebUtility.HtmlDecode(await Chinese().GetStringAsync($"/documents/{web.XssId}"));
        Assert.All(zh, h => Assert.Contains(h, html, StringComparison.Ordinal));
        Assert.Contains("href=\"?brief=en#brief-h\"", html, StringComparison.Ordinal);

        var switched = System.Net.WebUtility.HtmlDecode(await Chinese().GetStringAsync($"/documents/{web.XssId}?brief=en"));
        Assert.All(en, h => Assert.Contains(h, switched, StringComparison.Ordinal));
        Assert.DoesNotContain(zh.Except(en).First(), switched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_page_briefs_follow_the_interface_language()
    {
        var topics = await web.Client().GetFromJsonAsync<JsonElement>("/api/topics");
        var topic = topics.EnumerateArray().First(t => t.GetProperty("name").GetString() == "CGT产品").GetProperty("id").GetInt64();
        var zh = await HeadingsAsync(web.XssId, "zh");
        var html = System.Net.WebUtility.HtmlDecode(await Chinese().GetStringAsync($"/topics/{topic}"));
        Assert.All(zh, h => Assert.Contains(h, html, StringComparison.Ordinal));
        Assert.Contains($"/topics/{topic}?brief=en", html, StringComparison.Ordinal);
        var en = System.Net.WebUtility.HtmlDecode(await Chinese().GetStringAsync($"/topics/{topic}?brief=en"));
        Assert.DoesNotContain(zh.Except(await HeadingsAsync(web.XssId, "en")).First(), en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_brief_rejects_an_unknown_language() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await web.Client().GetAsync($"/api/documents/{web.XssId}/brief?lang=fr")).StatusCode);
}
