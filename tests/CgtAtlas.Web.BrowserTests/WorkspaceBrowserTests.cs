using Microsoft.Playwright;

namespace CgtAtlas.Web.BrowserTests;

[Collection("browser")]
public sealed class WorkspaceBrowserTests(BrowserFixture web)
{
    private static async Task<bool> HasClass(IPage page, string selector, string cls) =>
        await page.EvalOnSelectorAsync<bool>(selector, $"e => e.classList.contains('{cls}')");

    [Fact]
    public async Task Search_open_document_click_citation_highlights_the_paragraph()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#q", "CAR-T 价格");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync(".hit-title");
        Assert.Contains("/search?q=CAR-T", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator(".hit mark").CountAsync() > 0);

        await page.Locator(".hit-title").First.ClickAsync();
        await page.WaitForSelectorAsync("#doc-title");
        var cite = page.Locator("a.cite").Nth(1);
        var n = await cite.GetAttributeAsync("data-p");
        Assert.False(string.IsNullOrEmpty(await cite.GetAttributeAsync("title")), "hovering a citation shows its paragraph");
        Assert.False(await HasClass(page, $"#p{n}", "hl"));
        await cite.ClickAsync();
        await page.WaitForFunctionAsync($"() => document.getElementById('p{n}').classList.contains('hl')");
        Assert.EndsWith($"#p{n}", page.Url, StringComparison.Ordinal);
        var visible = await page.EvalOnSelectorAsync<bool>($"#p{n}", "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }");
        Assert.True(visible, "the paragraph is scrolled into view");
    }

    /// <summary>The bars of a chart, after checking there are at least <paramref name="atLeast"/> and they are drawn.</summary>
    private static async Task<ILocator> DrawnBarsAsync(IPage page, string chart, int atLeast)
    {
        var bars = page.Locator($"#{chart} a.bar");
        Assert.True(await bars.CountAsync() >= atLeast, $"{chart} has at least {atLeast} bars");
        Assert.True(await bars.First.EvaluateAsync<double>("e => e.getBoundingClientRect().width") > 5, "bars are drawn with a width");
        return bars;
    }

    /// <summary>Clicks a bar and returns the number it showed.</summary>
    private static async Task<int> ClickBarAsync(ILocator bar)
    {
        var count = int.Parse(await bar.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await bar.ClickAsync();
        return count;
    }

    [Fact]
    public async Task Landscape_chart_renders_and_a_bar_opens_its_products()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/landscape?agency=NMPA");
        var count = await ClickBarAsync((await DrawnBarsAsync(page, "approvals-chart", 5)).First);
        await page.WaitForURLAsync("**#products");
        Assert.Equal(count, await page.Locator("table.products tbody tr").CountAsync());
    }

    [Fact]
    public async Task Trials_chart_renders_and_a_bar_lands_on_its_trial_records()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/landscape");
        await DrawnBarsAsync(page, "trials-by-modality", 2);
        var count = await ClickBarAsync((await DrawnBarsAsync(page, "trials-by-country", 2)).Nth(1));
        await page.WaitForURLAsync("**/landscape/trials?country=*");
        var rows = page.Locator("#trial-records tbody tr");
        Assert.Equal(count, await rows.CountAsync());
        Assert.StartsWith("https://clinicaltrials.gov/study/NCT", await rows.First.Locator("a.nct").GetAttributeAsync("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_modality_facet_click_filters_the_results()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("collection:CGT产品"));
        var before = await page.InnerTextAsync("#result-count");
        var facet = page.Locator("[data-facet=modality] li a").First;
        var value = await facet.InnerTextAsync();
        var expected = await page.Locator("[data-facet=modality] li").First.Locator(".count").InnerTextAsync();
        await facet.ClickAsync();
        await page.WaitForURLAsync("**modality=*");
        Assert.Contains("modality=" + Uri.EscapeDataString(value), page.Url, StringComparison.Ordinal);
        var after = await page.InnerTextAsync("#result-count");
        Assert.NotEqual(before, after);
        Assert.Contains(expected, after, StringComparison.Ordinal);
        Assert.Equal(value, (await page.InnerTextAsync("[data-facet=modality] a.chip.on")).TrimStart('✕', ' '));
    }

    [Fact]
    public async Task Upload_a_file_shows_progress_and_a_result()
    {
        var page = await web.NewPageAsync(unlocked: true);
        await page.GotoAsync("/upload");
        var file = Path.Combine(web.Folder, "upload-" + Guid.NewGuid().ToString("N")[..8] + ".md");
        await File.WriteAllTextAsync(file, "---\ntitle: Browser upload test\ndate: 2026-11-01\nsource: Test\n---\nA CAR-T upload from the browser test.\n");
        var bad = Path.Combine(web.Folder, "bad.pdf");
        await File.WriteAllTextAsync(bad, "not a pdf");
        await page.SetInputFilesAsync("#files", [file, bad]);
        await page.FillAsync("#collection", "Browser uploads");
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForSelectorAsync("#upload-results li.result-stored");
        await page.WaitForSelectorAsync("#upload-results li.result-failed");
        Assert.Equal(2, await page.Locator("#upload-results progress").CountAsync());
        Assert.Contains("not a PDF", await page.InnerTextAsync("#upload-results li.result-failed"), StringComparison.Ordinal);
        await page.ClickAsync("#upload-results li.result-stored a");
        await page.WaitForSelectorAsync("#doc-title");
        Assert.Equal("Browser upload test", await page.InnerTextAsync("#doc-title"));
    }

    [Fact]
    public async Task Change_review_status()
    {
        var page = await web.NewPageAsync(unlocked: true);
        await page.GotoAsync($"/documents/{web.ScriptDocumentId}");
        Assert.Equal("New", (await page.InnerTextAsync("#status-badge")).Trim());
        await page.ClickAsync("button.status-btn[value=reviewing]");
        await page.WaitForFunctionAsync("() => document.getElementById('status-badge').textContent.trim() === 'Reviewing'");
        Assert.Equal("true", await page.GetAttributeAsync("button.status-btn[value=reviewing]", "aria-pressed"));
        await page.ClickAsync("button.status-btn[value=done]");
        await page.WaitForFunctionAsync("() => document.getElementById('status-badge').textContent.trim() === 'Done'");
    }

    [Fact]
    public async Task Switch_language_and_it_is_remembered()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("Search the library", await page.InnerTextAsync("h1"));
        await page.ClickAsync("#lang-zh");
        await page.WaitForFunctionAsync("() => document.querySelector('h1').textContent === '搜索文库'");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await page.GotoAsync("/topics");
        Assert.Equal("主题", await page.InnerTextAsync("h1"));
        await page.ClickAsync("#lang-en");
        await page.WaitForFunctionAsync("() => document.querySelector('h1').textContent === 'Topics'");
    }

    [Fact]
    public async Task A_script_in_a_document_never_runs()
    {
        var page = await web.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync($"/documents/{web.ScriptDocumentId}");
        Assert.Contains("<script>alert('title')</script>", await page.InnerTextAsync("#doc-title"), StringComparison.Ordinal);
        await page.GotoAsync("/search?q=ScriptMarker");
        await page.WaitForSelectorAsync(".hit-title");
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Pages_fit_a_390px_phone_without_sideways_scrolling()
    {
        var page = await web.NewPageAsync(width: 390, height: 844);
        foreach (var url in new[] { "/", "/search?q=CAR-T", $"/documents/{web.CarTDocumentId}", "/topics", "/upload" })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} overflows by {overflow}px at 390px");
        }
    }

    [Fact]
    public async Task Keyboard_reaches_the_skip_link_and_focus_is_visible()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/search?q=CAR-T");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        // The facet links (language, collection, source, modality, agency, dates) come before the results.
        for (var i = 0; i < 80 && !(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('hit-title')")); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('hit-title')"), "a result is reachable by Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#doc-title");
    }
}

[Collection("browser")]
public sealed class ApiReferenceBrowserTests(BrowserFixture web)
{
    [Fact]
    public async Task The_api_reference_renders_from_local_files_only()
    {
        var page = await web.NewPageAsync();
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(web.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Type + ": " + message.Text);
        await page.GotoAsync("/scalar");
        try
        {
            await page.GetByText("/api/search").First.WaitForAsync(new() { Timeout = 20000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "scalar-fail.png") });
            Assert.Fail("Scalar did not render: " + string.Join(" | ", console));
        }

        Assert.Empty(external);
    }
}
