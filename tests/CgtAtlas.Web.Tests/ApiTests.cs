using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CgtAtlas.Web.Tests;

public sealed class ApiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        var body = await Json(response);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_returns_the_same_shape_as_the_cli()
    {
        var response = await web.Client().GetAsync("/api/search?q=CAR-T&limit=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.True(body.GetProperty("total").GetInt32() >= 1);
        // A small library's matches are all ranked by BM25 and counted exactly.
        Assert.False(body.GetProperty("totalIsEstimate").GetBoolean());
        Assert.Equal("relevance", body.GetProperty("rankedBy").GetString());
        var hit = body.GetProperty("hits")[0];
        foreach (var field in new[] { "id", "title", "score", "snippet", "published", "language", "source", "paragraph", "collapsedCopies" })
        {
            Assert.True(hit.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(web.XssId, hit.GetProperty("id").GetInt64());
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Contains("价格", hit.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_pages_with_limit_and_offset()
    {
        var all = await Json(await web.Client().GetAsync("/api/search?q=collection:CGT产品&limit=10"));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var second = await Json(await web.Client().GetAsync("/api/search?q=collection:CGT产品&limit=1&offset=1"));
        Assert.Single(second.GetProperty("hits").EnumerateArray());
        Assert.Equal(all.GetProperty("hits")[1].GetProperty("id").GetInt64(), second.GetProperty("hits")[0].GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("/api/search?q=(CAR-T", "never closed")]
    [InlineData("/api/search?q=", "empty")]
    [InlineData("/api/search?q=NOT%20x", "NOT")]
    public async Task Malformed_queries_get_400_with_the_parser_message(string url, string message) =>
        await AssertProblem(await web.Client().GetAsync(url), HttpStatusCode.BadRequest, message);

    [Theory]
    [InlineData("/api/search?q=a&limit=0")]
    [InlineData("/api/search?q=a&limit=201")]
    [InlineData("/api/search?q=a&offset=-1")]
    public async Task Bad_paging_gets_400(string url) =>
        await AssertProblem(await web.Client().GetAsync(url), HttpStatusCode.BadRequest, "limit");

    [Fact]
    public async Task Bad_number_in_query_string_gets_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await web.Client().GetAsync("/api/search?q=a&limit=lots")).StatusCode);

    [Fact]
    public async Task Document_has_numbered_paragraphs_and_workspace_state()
    {
        var body = await Json(await web.Client().GetAsync($"/api/documents/{web.OncolyticId}"));
        Assert.Equal("Oncolytic virus therapy reaches phase 3", body.GetProperty("title").GetString());
        Assert.Equal("2024-11-20", body.GetProperty("published").GetString());
        var paragraphs = body.GetProperty("paragraphs");
        Assert.Equal(2, paragraphs.GetArrayLength());
        Assert.Equal(1, paragraphs[0].GetProperty("n").GetInt32());
        Assert.Contains("CGT产品", body.GetProperty("collections").EnumerateArray().Select(c => c.GetString()));
        Assert.True(body.GetProperty("workspace").TryGetProperty("status", out _));
    }

    [Theory]
    [InlineData("/api/documents/999999")]
    [InlineData("/api/documents/999999/brief")]
    [InlineData("/api/documents/999999/facts")]
    public async Task Unknown_document_is_404_problem(string url) =>
        await AssertProblem(await web.Client().GetAsync(url), HttpStatusCode.NotFound, "999999");

    [Fact]
    public async Task Non_numeric_document_id_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client().GetAsync("/api/documents/abc")).StatusCode);

    [Fact]
    public async Task Brief_comes_from_the_composer_and_cites_existing_paragraphs()
    {
        var document = await Json(await web.Client().GetAsync($"/api/documents/{web.OncolyticId}"));
        var paragraphs = document.GetProperty("paragraphs").GetArrayLength();
        var body = await Json(await web.Client().GetAsync($"/api/documents/{web.OncolyticId}/brief"));
        Assert.True(body.GetProperty("available").GetBoolean());
        var citations = body.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("bullets").EnumerateArray())
            .SelectMany(b => b.GetProperty("citations").EnumerateArray().Select(c => c.GetInt32()))
            .ToList();
        Assert.All(citations, c => Assert.InRange(c, 1, paragraphs));
    }

    [Fact]
    public async Task Facts_come_from_the_extractor_with_linked_entities()
    {
        var body = await Json(await web.Client().GetAsync($"/api/documents/{web.OncolyticId}/facts"));
        Assert.True(body.GetProperty("available").GetBoolean());
        Assert.True(body.TryGetProperty("facts", out var facts));
        Assert.All(facts.EnumerateArray(), f => Assert.True(f.GetProperty("paragraph").GetInt32() >= 1));
        Assert.True(body.TryGetProperty("entities", out _));
    }

    [Fact]
    public async Task Status_change_needs_the_token()
    {
        var response = await web.Client().PutAsJsonAsync($"/api/documents/{web.OncolyticId}/status", new { status = "done" });
        await AssertProblem(response, HttpStatusCode.Unauthorized, "token");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());

        var wrong = web.Client();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        await AssertProblem(await wrong.PutAsJsonAsync($"/api/documents/{web.OncolyticId}/status", new { status = "done" }), HttpStatusCode.Unauthorized,
            "invalid token");
    }

    [Fact]
    public async Task A_parameter_that_does_not_parse_is_named_in_the_problem()
    {
        var response = await web.Client().GetAsync("/api/search?q=CAR-T&offset=abc");
        await AssertProblem(response, HttpStatusCode.BadRequest, "offset");
    }

    [Fact]
    public async Task Query_error_position_matches_the_message()
    {
        var response = await web.Client().GetAsync("/api/search?q=" + Uri.EscapeDataString("CAR-T AND"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json(response);
        var position = body.GetProperty("position").GetInt32();
        Assert.True(position > 1);
        Assert.Contains($"position {position}", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_goes_through_the_workflow()
    {
        var client = web.Client(withToken: true);
        foreach (var status in new[] { "reviewing", "done", "archived", "new" })
        {
            var response = await client.PutAsJsonAsync($"/api/documents/{web.OncolyticId}/status", new { status });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(status, (await Json(response)).GetProperty("status").GetString());
        }

        var document = await Json(await client.GetAsync($"/api/documents/{web.OncolyticId}"));
        Assert.Equal("new", document.GetProperty("workspace").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_token_also_works_in_the_x_cgt_token_header()
    {
        var client = web.Client();
        client.DefaultRequestHeaders.Add("X-CGT-Token", WebFixture.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/documents/{web.OncolyticId}/status", new { status = "new" })).StatusCode);
    }

    [Fact]
    public async Task Bad_status_input_is_400_and_unknown_document_404()
    {
        var client = web.Client(withToken: true);
        await AssertProblem(await client.PutAsJsonAsync($"/api/documents/{web.OncolyticId}/status", new { status = "finished" }), HttpStatusCode.BadRequest, "reviewing");
        await AssertProblem(await client.PutAsJsonAsync("/api/documents/999999/status", new { status = "done" }), HttpStatusCode.NotFound);
        var malformed = await client.PutAsync($"/api/documents/{web.OncolyticId}/status", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Notes_and_tags_round_trip()
    {
        var client = web.Client(withToken: true);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/documents/{web.XssId}/note", new { note = "<b>check</b> price" })).StatusCode);
        var tag = await Json(await client.PostAsJsonAsync($"/api/documents/{web.XssId}/tags", new { name = "奕凯达", type = "product" }));
        Assert.Equal("product", tag.GetProperty("type").GetString());
        var state = (await Json(await client.GetAsync($"/api/documents/{web.XssId}"))).GetProperty("workspace");
        Assert.Equal("<b>check</b> price", state.GetProperty("note").GetString());
        Assert.Contains("奕凯达", state.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        await AssertProblem(await client.PostAsJsonAsync($"/api/documents/{web.XssId}/tags", new { name = "x", type = "planet" }), HttpStatusCode.BadRequest);
        await AssertProblem(await client.PostAsJsonAsync($"/api/documents/{web.XssId}/tags", new { name = " ", type = "product" }), HttpStatusCode.BadRequest);
        await AssertProblem(await web.Client().PostAsJsonAsync($"/api/documents/{web.XssId}/tags", new { name = "x", type = "product" }), HttpStatusCode.Unauthorized);

        var remove = await client.DeleteAsync($"/api/documents/{web.XssId}/tags/{tag.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/documents/{web.XssId}/tags/{tag.GetProperty("id").GetInt64()}")).StatusCode);
    }

    [Fact]
    public async Task Topics_list_collections_and_create_needs_token()
    {
        var topics = await Json(await web.Client().GetAsync("/api/topics"));
        var cgt = topics.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "CGT产品");
        Assert.Equal("collection", cgt.GetProperty("kind").GetString());
        Assert.Equal(2, cgt.GetProperty("documents").GetInt32());

        await AssertProblem(await web.Client().PostAsJsonAsync("/api/topics", new { name = "CAR-T", kind = "tag" }), HttpStatusCode.Unauthorized);
        var client = web.Client(withToken: true);
        var created = await client.PostAsJsonAsync("/api/topics", new { name = "CAR-T watch", kind = "tag" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("tag", (await Json(created)).GetProperty("kind").GetString());
        await AssertProblem(await client.PostAsJsonAsync("/api/topics", new { name = "x", kind = "galaxy" }), HttpStatusCode.BadRequest, "kind");
        await AssertProblem(await client.PostAsJsonAsync("/api/topics", new { name = "" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Approval_stats_count_nmpa_products_as_of_a_date()
    {
        var body = await Json(await web.Client().GetAsync("/api/stats/approvals?agency=NMPA&asOf=2025-09-16&recentYears=3"));
        Assert.Equal(14, body.GetProperty("total").GetProperty("count").GetInt32());
        Assert.Equal(14, body.GetProperty("total").GetProperty("ids").GetArrayLength());
        Assert.Equal(9, body.GetProperty("recent").GetProperty("count").GetInt32());
        await AssertProblem(await web.Client().GetAsync("/api/stats/approvals?asOf=yesterday"), HttpStatusCode.BadRequest, "not a date");
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var response = await web.Client().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Json(response);
        Assert.Equal("CgtAtlas API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("token").GetProperty("scheme").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/documents/{id}", "/api/documents/{id}/brief", "/api/documents/{id}/facts", "/api/documents",
                     "/api/documents/{id}/status", "/api/topics", "/api/stats/approvals" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }
    }

    [Fact]
    public async Task Api_reference_page_is_served_locally()
    {
        var client = web.Client();
        var response = await client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_searches_count_new_documents()
    {
        var client = web.Client(withToken: true);
        await AssertProblem(await web.Client().PostAsJsonAsync("/api/saved-searches", new { name = "x", query = "melanoma" }), HttpStatusCode.Unauthorized);
        await AssertProblem(await client.PostAsJsonAsync("/api/saved-searches", new { name = "bad", query = "(x" }), HttpStatusCode.BadRequest, "never closed");
        var saved = await client.PostAsJsonAsync("/api/saved-searches", new { name = "Melanoma", query = "melanoma SavedSearchMarker" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var id = (await Json(saved)).GetProperty("id").GetInt64();

        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("Melanoma trial update SavedSearchMarker\n\nA new melanoma study with SavedSearchMarker started.")), "files", "melanoma-new.txt");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/documents", content)).StatusCode);

        var list = await Json(await client.GetAsync("/api/saved-searches"));
        var entry = list.EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == id);
        Assert.Equal(1, entry.GetProperty("newSinceOpened").GetInt32());
    }
}
