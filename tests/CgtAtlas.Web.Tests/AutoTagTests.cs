using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CgtAtlas.Web.Tests;

/// <summary>Product and company tags from the knowledge base: at upload, on demand, removable for good, with topic pages.</summary>
public sealed class AutoTagTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Product = "axicabtagene ciloleucel / 阿基仑赛注射液";

    private async Task<long> UploadAsync(string text)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "files", "news.txt");
        var response = await web.Client(withToken: true).PostAsync("/api/documents", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single().GetProperty("documentIds")[0].GetInt64();
    }

    private static string Story(string marker) => $"""
        奕凯达纳入新的支付方案 {marker}

        复星凯特表示，阿基仑赛注射液已在多个城市纳入惠民保。

        复星凯特同时披露了新的患者援助计划；诺华未予置评。
        """;

    private async Task<JsonElement[]> TagsAsync(long id) =>
        (await web.Client().GetFromJsonAsync<JsonElement>($"/api/documents/{id}")).GetProperty("workspace").GetProperty("tags").EnumerateArray().ToArray();

    [Fact]
    public async Task An_upload_gets_product_and_company_tags_marked_automatic()
    {
        var id = await UploadAsync(Story(Guid.NewGuid().ToString("N")));
        var tags = await TagsAsync(id);
        Assert.Contains(tags, t => t.GetProperty("name").GetString() == Product && t.GetProperty("type").GetString() == "product"
            && t.GetProperty("automatic").GetBoolean());
        Assert.Contains(tags, t => t.GetProperty("type").GetString() == "company" && t.GetProperty("name").GetString()!.Contains("Fosun Kite", StringComparison.Ordinal));
        // Named once in passing: not a tag.
        Assert.DoesNotContain(tags, t => t.GetProperty("name").GetString()!.Contains("Novartis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_removed_automatic_tag_is_not_put_back()
    {
        var id = await UploadAsync(Story(Guid.NewGuid().ToString("N")));
        var client = web.Client(withToken: true);
        var product = (await TagsAsync(id)).Single(t => t.GetProperty("name").GetString() == Product);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/documents/{id}/tags/{product.GetProperty("id").GetInt64()}")).StatusCode);

        var again = await client.PostAsync($"/api/documents/{id}/tags/auto", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(body.GetProperty("added").EnumerateArray());
        Assert.DoesNotContain(await TagsAsync(id), t => t.GetProperty("name").GetString() == Product);
        Assert.Contains(await TagsAsync(id), t => t.GetProperty("type").GetString() == "company");
    }

    [Fact]
    public async Task Tagging_an_existing_document_on_demand_adds_its_tags_once()
    {
        var client = web.Client(withToken: true);
        var first = await (await client.PostAsync($"/api/documents/{web.XssId}/tags/auto", null)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await client.PostAsync($"/api/documents/{web.XssId}/tags/auto", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(second.GetProperty("added").EnumerateArray());
        Assert.Equal(first.GetProperty("workspace").GetProperty("tags").GetArrayLength(), second.GetProperty("workspace").GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public async Task Auto_tagging_needs_the_token_and_an_existing_document()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.Client().PostAsync($"/api/documents/{web.XssId}/tags/auto", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client(withToken: true).PostAsync("/api/documents/999999/tags/auto", null)).StatusCode);
    }

    [Fact]
    public async Task An_automatic_tag_has_a_topic_page_listing_its_documents()
    {
        var id = await UploadAsync(Story(Guid.NewGuid().ToString("N")));
        var html = await web.Client().GetStringAsync($"/documents/{id}");
        var link = "/topics/tag?name=" + Uri.EscapeDataString(Product);
        Assert.Contains($"href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"", html, StringComparison.Ordinal);

        var redirect = await web.Client().GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var topic = await web.Client().GetStringAsync(redirect.Headers.Location!.ToString());
        Assert.Contains($"href=\"/documents/{id}\"", topic, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client().GetAsync("/topics/tag?name=no-such-tag-anywhere")).StatusCode);
    }
}
