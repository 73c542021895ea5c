using Microsoft.Playwright;

namespace CgtAtlas.Web.BrowserTests;

/// <summary>
/// Screenshots of each main page. Written to <c>$CGT_SCREENSHOTS</c> when set (make-screenshots.sh sets it to
/// docs/screenshots), else to a temporary folder, so the test always exercises every page.
/// </summary>
[Collection("browser")]
public sealed class Screenshots(BrowserFixture web)
{
    [Fact]
    public async Task Main_pages()
    {
        var folder = Environment.GetEnvironmentVariable("CGT_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(web.Folder, "screenshots");
        Directory.CreateDirectory(folder);

        async Task Shot(IPage page, string name, bool full = false)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = full });
        }

        var desk = await web.NewPageAsync(unlocked: true);
        await desk.GotoAsync("/");
        await Shot(desk, "home");
        await desk.GotoAsync("/search?q=" + Uri.EscapeDataString("CAR-T 价格"));
        await Shot(desk, "search");
        await desk.GotoAsync($"/documents/{web.CarTDocumentId}");
        await desk.Locator("a.cite").Nth(1).ClickAsync();
        await desk.WaitForTimeoutAsync(700);
        await Shot(desk, "document");
        await desk.GotoAsync("/topics");
        await Shot(desk, "topics");
        var topics = await desk.Locator(".card a[href^='/topics/']", new() { HasTextString = "CGT产品" }).First.GetAttributeAsync("href");
        await desk.GotoAsync(topics!);
        await Shot(desk, "topic");
        await desk.GotoAsync("/upload");
        var file = Path.Combine(web.Folder, "screenshot-upload.md");
        await File.WriteAllTextAsync(file, "---\ntitle: 上海批准首个实体瘤CAR-T临床试验\ndate: 2026-10-30\nsource: 示例\n---\n示例段落：用于截图的上传。\n");
        var renamed = Path.Combine(web.Folder, "report.pdf");
        await File.WriteAllTextAsync(renamed, "this is not really a PDF");
        await desk.SetInputFilesAsync("#files", [file, renamed]);
        await desk.ClickAsync("#upload-form button[type=submit]");
        await desk.WaitForSelectorAsync("#upload-results li.result-failed");
        await Shot(desk, "upload");
        await desk.GotoAsync("/landscape");
        await Shot(desk, "landscape");
        await desk.GotoAsync("/landscape#trials");
        await Shot(desk, "landscape-trials");
        await desk.Locator("#trials-by-modality a.bar").First.ClickAsync();
        await desk.WaitForSelectorAsync("#trial-records");
        await Shot(desk, "trial-records");
        await desk.GotoAsync("/scalar");
        await desk.GetByText("/api/search").First.WaitForAsync(new() { Timeout = 20000 });
        await desk.WaitForTimeoutAsync(500);
        await Shot(desk, "api");

        var zh = await web.NewPageAsync(language: "zh");
        await zh.GotoAsync("/search?q=" + Uri.EscapeDataString("溶瘤病毒 OR oncolytic"));
        await Shot(zh, "search-zh");

        var phone = await web.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync($"/documents/{web.CarTDocumentId}");
        await Shot(phone, "document-390");
        await phone.GotoAsync("/search?q=CAR-T");
        await Shot(phone, "search-390");

        foreach (var name in new[] { "home", "search", "document", "topics", "topic", "upload", "landscape", "landscape-trials", "trial-records", "api", "search-zh", "document-390", "search-390" })
        {
            Assert.True(new FileInfo(Path.Combine(folder, name + ".png")).Length > 5000, name);
        }
    }
}
