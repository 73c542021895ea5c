using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CgtAtlas.Web.Tests;

/// <summary>
/// An in-process web workspace over a fresh library holding a few documents (one with a &lt;script&gt; in its title
/// and body) in the collection CGT产品. Token: <see cref="Token"/>; upload limit 1 MB.
/// </summary>
public sealed partial class WebFixture : WebApplicationFactory<Program>
{
    public const string Token = "test-token-0123456789";

    public WebFixture()
    {
        Folder = Directory.CreateTempSubdirectory("cgt-web-test-").FullName;
        DbPath = Path.Combine(Folder, "lib.db");
        var input = Path.Combine(Folder, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "xss.md"), """
            ---
            title: "<script>alert('title')</script> CAR-T 价格 下降"
            date: 2025-03-01
            source: 测试来源
            ---
            CAR-T 细胞治疗的价格是患者关注的重点，<script>alert('body')</script> 目前每针超过一百万元。

            第二段：国家药监局批准了新的CAR-T产品，适应症为大B细胞淋巴瘤。

            第三段：医保谈判与商业保险正在探索多层次支付。
            """);
        File.WriteAllText(Path.Combine(input, "oncolytic.md"), """
            ---
            title: Oncolytic virus therapy reaches phase 3
            date: 2024-11-20
            source: Example News
            ---
            An oncolytic virus designed to infect tumour cells entered a phase 3 trial in China this year.

            The developer said the virus is armed with GM-CSF and will be tested in melanoma patients.
            """);
        using (var library = new Library(SqliteLibraryStore.Open(DbPath), TextServices.Default))
        {
            var report = library.Ingest([input], new Ingest.IngestOptions { Collections = ["CGT产品"] });
            if (report.Documents.Count != 2)
            {
                throw new InvalidOperationException("fixture ingest failed: " + string.Join("; ", report.Failed.Select(f => f.Error)));
            }

            XssId = report.Documents.Single(d => d.Path.EndsWith("xss.md", StringComparison.Ordinal)).Id;
            OncolyticId = report.Documents.Single(d => d.Path.EndsWith("oncolytic.md", StringComparison.Ordinal)).Id;
            var scriptBody = Path.Combine(Folder, "script-body.txt");
            File.WriteAllText(scriptBody, """
                Plain text with markup ScriptBodyMarker

                The body says <script>alert('body')</script> and <img src=x onerror=alert(2)> ScriptBodyMarker here.
                """);
            ScriptBodyId = library.Ingest([scriptBody]).Documents.Single().Id;
        }
    }

    public string Folder { get; }

    public string DbPath { get; }

    public long XssId { get; }

    public long OncolyticId { get; }

    /// <summary>A plain-text document whose paragraph holds a script and an img onerror (txt keeps markup as text).</summary>
    public long ScriptBodyId { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cgt:Db", DbPath);
        builder.UseSetting("Cgt:Token", Token);
        builder.UseSetting("Cgt:MaxUploadMb", "1");
    }

    public HttpClient Client(bool withToken = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        return client;
    }

    /// <summary>A browser-like client that has unlocked editing (cookie) — still needs antiforgery tokens on posts.</summary>
    public async Task<HttpClient> UnlockedClientAsync()
    {
        var client = Client();
        var form = await AntiforgeryAsync(client, "/unlock");
        form["accessToken"] = Token;
        var response = await client.PostAsync("/unlock", new FormUrlEncodedContent(form));
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException("unlock failed: " + response.StatusCode);
        }

        return client;
    }

    /// <summary>Fetches <paramref name="page"/> and returns its antiforgery form field.</summary>
    public static async Task<Dictionary<string, string>> AntiforgeryAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryField().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException("no antiforgery token on " + page);
        }

        return new Dictionary<string, string> { ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value) };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
