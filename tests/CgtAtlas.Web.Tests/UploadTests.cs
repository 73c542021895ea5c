using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CgtAtlas.Web.Tests;

public sealed class UploadTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        return content;
    }

    private static async Task<JsonElement[]> Results(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Upload_needs_the_token()
    {
        using var content = Files(("a.txt", "Title\n\nBody text here."u8.ToArray()));
        var response = await web.Client().PostAsync("/api/documents", content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Each_file_gets_its_own_result()
    {
        var client = web.Client(withToken: true);
        var unique = Guid.NewGuid().ToString("N");
        using var content = Files(
            ("good.txt", Encoding.UTF8.GetBytes($"Upload test {unique}\n\nCAR-T paragraph for {unique}.")),
            ("program.txt", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]),
            ("fake.pdf", "just text"u8.ToArray()),
            ("tool.exe", "MZ"u8.ToArray()),
            ("empty.md", []));
        content.Add(new StringContent("Uploads"), "collection");
        var results = await Results(await client.PostAsync("/api/documents", content));
        Assert.Equal(5, results.Length);
        Assert.Equal("stored", results[0].GetProperty("outcome").GetString());
        Assert.Contains("binary", results[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("not a PDF", results[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("unsupported", results[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("empty", results[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.All(results[1..], r => Assert.Equal("failed", r.GetProperty("outcome").GetString()));

        var id = results[0].GetProperty("documentIds")[0].GetInt64();
        var document = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{id}")).RootElement;
        Assert.Contains("Uploads", document.GetProperty("collections").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal($"Upload test {unique}", document.GetProperty("title").GetString());

        // The same content again is reported as a duplicate, not stored twice.
        using var again = Files(("copy.txt", Encoding.UTF8.GetBytes($"Upload test {unique}\n\nCAR-T paragraph for {unique}.")));
        var duplicate = (await Results(await client.PostAsync("/api/documents", again)))[0];
        Assert.Equal("duplicate", duplicate.GetProperty("outcome").GetString());
        Assert.Equal(id, duplicate.GetProperty("documentIds")[0].GetInt64());
    }

    [Fact]
    public async Task File_names_never_become_paths()
    {
        var client = web.Client(withToken: true);
        var marker = Path.Combine(web.Folder, "escaped.txt");
        using var content = Files(("../../../../" + web.Folder.TrimStart('/') + "/escaped.txt", "Traversal attempt\n\nShould be stored under a generated name."u8.ToArray()));
        var result = (await Results(await client.PostAsync("/api/documents", content)))[0];
        Assert.Equal("stored", result.GetProperty("outcome").GetString());
        Assert.Equal("escaped.txt", result.GetProperty("fileName").GetString());
        Assert.False(File.Exists(marker));
        var document = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{result.GetProperty("documentIds")[0].GetInt64()}")).RootElement;
        Assert.DoesNotContain("escaped", document.GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_over_the_limit_are_refused()
    {
        var client = web.Client(withToken: true);
        var big = new byte[1024 * 1024 + 10];
        Array.Fill(big, (byte)'a');
        using var content = Files(("big.txt", big));
        var result = (await Results(await client.PostAsync("/api/documents", content)))[0];
        Assert.Equal("failed", result.GetProperty("outcome").GetString());
        Assert.Contains("limit", result.GetProperty("error").GetString(), StringComparison.Ordinal);

        var huge = new byte[6 * 1024 * 1024];
        using var tooMuch = Files(("huge.txt", huge));
        var response = await client.PostAsync("/api/documents", tooMuch);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_upload_without_content_length_is_413_not_500()
    {
        var client = web.Client(withToken: true);
        using var content = new MultipartFormDataContent();
        content.Add(new StreamContent(new UnseekableStream(new byte[6 * 1024 * 1024])), "files", "huge.txt");
        var response = await client.PostAsync("/api/documents", content);
        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Upload_without_files_or_form_is_400()
    {
        var client = web.Client(withToken: true);
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "collection" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/documents", empty)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/documents", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Theory]
    [InlineData(".txt", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, false)]
    [InlineData(".html", new byte[] { 0x68, 0x69 }, false)]
    [InlineData(".html", new byte[] { 0x3C, 0x70, 0x3E }, true)]
    [InlineData(".txt", new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, true)]
    [InlineData(".md", new byte[] { 0x23, 0x20, 0x41, 0x00, 0x42 }, false)]
    [InlineData(".pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    public void Content_sniffing(string extension, byte[] head, bool ok) =>
        Assert.Equal(ok, Services.ContentSniffer.Check(extension, head) is null);
}
