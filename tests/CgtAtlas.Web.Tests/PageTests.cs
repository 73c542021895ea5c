using System.Net;
using System.Text.RegularExpressions;

namespace CgtAtlas.Web.Tests;

public sealed partial class PageTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=CAR-T")]
    [InlineData("/search")]
    [InlineData("/topics")]
    [InlineData("/upload")]
    [InlineData("/landscape")]
    [InlineData("/unlock")]
    public async Task Main_pages_render_with_security_headers(string url)
    {
        var response = await web.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(InlineScript(), html);
        // No resource from elsewhere (plain links to a record's public source are fine: they load nothing).
        var withoutLinks = Regex.Replace(html, "<a [^>]*>", string.Empty);
        Assert.DoesNotContain("http://", withoutLinks.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Landscape_chart_bars_link_to_the_products_behind_them()
    {
        var kb = CgtAtlas.Knowledge.KnowledgeBase.Default;
        var expected = kb.Products.Count(p => p.CountsAsCgt && p.Agency == "NMPA" && p.Modality == "CAR-T");
        var html = await web.Client().GetStringAsync("/landscape?agency=NMPA&modality=CAR-T");
        Assert.Equal(expected, Regex.Matches(html, "<tr id=\"nmpa-").Count);
        Assert.Contains("href=\"/landscape?agency=NMPA&amp;year=2021&amp;modality=CAR-T#products\"", html, StringComparison.Ordinal);
        var all = await web.Client().GetStringAsync("/landscape?agency=NMPA");
        var bars = Regex.Matches(all, "class=\"bar m\\d w-\\d+\"[^>]*>(\\d+)</a>").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(kb.Products.Count(p => p.CountsAsCgt && p.Agency == "NMPA"), bars);
    }

    [Fact]
    public async Task Document_page_escapes_script_in_title_and_body()
    {
        var html = await web.Client().GetStringAsync($"/documents/{web.XssId}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("id=\"p1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_a_paragraph_is_shown_as_text_never_run()
    {
        var html = await web.Client().GetStringAsync($"/documents/{web.ScriptBodyId}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;body&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        var search = await web.Client().GetStringAsync("/search?q=ScriptBodyMarker");
        Assert.Contains("<mark>", search, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", search, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_page_escapes_script_and_keeps_marks()
    {
        var html = await web.Client().GetStringAsync("/search?q=" + Uri.EscapeDataString("alert CAR-T"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_page_shows_facets_and_filters()
    {
        var html = await web.Client().GetStringAsync("/search?q=" + Uri.EscapeDataString("CAR-T OR oncolytic"));
        Assert.Contains("/search?q=CAR-T%20OR%20oncolytic&amp;lang=zh", html, StringComparison.Ordinal);
        Assert.Contains("CGT产品", html, StringComparison.Ordinal);
        var filtered = await web.Client().GetStringAsync("/search?q=" + Uri.EscapeDataString("CAR-T OR oncolytic") + "&lang=en");
        Assert.Contains("virus therapy reaches phase 3", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("价格 下降", filtered, StringComparison.Ordinal);
        var dated = await web.Client().GetStringAsync("/search?q=" + Uri.EscapeDataString("CAR-T OR oncolytic") + "&from=2025-01-01");
        Assert.DoesNotContain("virus therapy reaches phase 3", dated, StringComparison.Ordinal);
        var newest = await web.Client().GetStringAsync("/search?q=" + Uri.EscapeDataString("CAR-T OR oncolytic") + "&sort=newest");
        Assert.True(newest.IndexOf("价格 下降", StringComparison.Ordinal) < newest.IndexOf("virus therapy reaches phase 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_query_on_the_page_shows_the_parser_message()
    {
        var response = await web.Client().GetAsync("/search?q=" + Uri.EscapeDataString("(CAR-T"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("never closed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_page_has_the_known_layout()
    {
        var client = web.Client();
        var topics = await client.GetStringAsync("/topics");
        var id = TopicLink().Match(topics).Groups[1].Value;
        var html = await client.GetStringAsync($"/topics/{id}");
        Assert.Contains("CGT产品", html, StringComparison.Ordinal);
        Assert.Contains("Search documents", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("价格 下降", StringComparison.Ordinal) < html.IndexOf("Oncolytic virus therapy", StringComparison.Ordinal), "newest first");
        Assert.Contains($"/documents/{web.XssId}#p1", html, StringComparison.Ordinal);
        var scoped = await client.GetStringAsync($"/topics/{id}?q=oncolytic");
        Assert.DoesNotContain("价格 下降", scoped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_pages_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client().GetAsync("/documents/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client().GetAsync("/topics/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client().GetAsync("/no/such/page")).StatusCode);
    }

    [Fact]
    public async Task Form_post_without_unlock_redirects_to_unlock()
    {
        var client = web.Client();
        var form = await WebFixture.AntiforgeryAsync(client, "/unlock");
        form["status"] = "done";
        var response = await client.PostAsync($"/documents/{web.XssId}?handler=Status", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/unlock", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_post_without_antiforgery_token_is_rejected()
    {
        var client = await web.UnlockedClientAsync();
        var response = await client.PostAsync($"/documents/{web.XssId}?handler=Status",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "done" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unlocked_form_posts_change_status_tags_and_notes()
    {
        var client = await web.UnlockedClientAsync();
        var page = $"/documents/{web.OncolyticId}";
        var form = await WebFixture.AntiforgeryAsync(client, page);
        form["status"] = "reviewing";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(page + "?handler=Status", new FormUrlEncodedContent(form))).StatusCode);
        form.Remove("status");
        form["name"] = "<img src=x onerror=alert(1)>";
        form["type"] = "company";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(page + "?handler=Tag", new FormUrlEncodedContent(form))).StatusCode);
        form["note"] = "<script>alert('note')</script>";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(page + "?handler=Note", new FormUrlEncodedContent(form))).StatusCode);

        var html = await client.GetStringAsync(page);
        Assert.Contains("id=\"status-badge\">Reviewing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;note&#x27;)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_token_does_not_unlock()
    {
        var client = web.Client();
        var form = await WebFixture.AntiforgeryAsync(client, "/unlock");
        form["accessToken"] = "guess";
        var response = await client.PostAsync("/unlock", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("cgt_auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unlock_cookie_is_httponly_and_samesite_strict()
    {
        var client = web.Client();
        var form = await WebFixture.AntiforgeryAsync(client, "/unlock");
        form["accessToken"] = WebFixture.Token;
        form["returnUrl"] = "//evil.example/";
        var response = await client.PostAsync("/unlock", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cgt_auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(WebFixture.Token, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_switch_is_remembered_and_redirects_only_locally()
    {
        var client = web.Client();
        var response = await client.GetAsync("/lang/zh?returnUrl=%2Fsearch%3Fq%3DCAR-T");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/search?q=CAR-T", response.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync("/");
        Assert.Contains("搜索文库", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        var evil = await client.GetAsync("/lang/en?returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", evil.Headers.Location!.OriginalString);
        Assert.Contains("Search the library", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_are_served_from_the_assembly()
    {
        var css = await web.Client().GetAsync("/static/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client().GetAsync("/static/..%2Fsecret")).StatusCode);
    }

    [Fact]
    public void Every_interface_string_exists_in_both_languages() =>
        Assert.All(Services.Ui.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), t.Key);
            Assert.False(string.IsNullOrWhiteSpace(t.Zh), t.Key);
        });

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("href=\"/topics/(\\d+)\"><strong>CGT产品")]
    private static partial Regex TopicLink();
}

public sealed class UploadPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Upload_form_without_script_lists_a_result_per_file()
    {
        var client = await web.UnlockedClientAsync();
        var form = await WebFixture.AntiforgeryAsync(client, "/upload");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in form)
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent("Form upload FormUploadMarker\n\nUploaded without JavaScript."u8.ToArray()), "files", "form.txt");
        content.Add(new ByteArrayContent("%PDF-1.4 broken"u8.ToArray()), "files", "notes.txt.exe");
        var response = await client.PostAsync("/upload", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"result-stored\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"result-failed\"", html, StringComparison.Ordinal);
        Assert.Contains("unsupported file type", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_form_needs_unlock()
    {
        var client = web.Client();
        var html = await client.GetStringAsync("/upload");
        Assert.DoesNotContain("id=\"upload-form\"", html, StringComparison.Ordinal);
        var form = await WebFixture.AntiforgeryAsync(client, "/unlock");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in form)
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent("x\n\ny"u8.ToArray()), "files", "a.txt");
        var response = await client.PostAsync("/upload", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
