using CgtAtlas.Core.Tests;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using CgtAtlas.Web.Services;
using CgtAtlas.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CgtAtlas.Web.BrowserTests;

/// <summary>
/// The real server (Kestrel on a free loopback port) over a library built from samples/corpus in the collection
/// CGT产品 with the trials of samples/ctgov, and Debian's chromium driven by Playwright (headless, no sandbox: tests run as root in CI).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Token = "browser-test-token";
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string Folder { get; } = Directory.CreateTempSubdirectory("cgt-browser-").FullName;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public long ScriptDocumentId { get; private set; }

    public long CarTDocumentId { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./test.sh does: apt-get install -y chromium)");
        }

        var db = Path.Combine(Folder, "lib.db");
        var script = Path.Combine(Folder, "script.txt");
        await File.WriteAllTextAsync(script, "<script>alert('title')</script> Script test ScriptMarker\n\n" +
            "Body <script>alert('body')</script> <img src=x onerror=alert('img')> ScriptMarker paragraph.\n\nSecond paragraph.");
        using (var library = new Library(SqliteLibraryStore.Open(db), TextServices.Default))
        {
            library.Ingest([TestPaths.Corpus], new Ingest.IngestOptions { Collections = ["CGT产品"] });
            ScriptDocumentId = library.Ingest([script]).Documents.Single().Id;
            CarTDocumentId = library.Search(new Search.SearchRequest { Query = "阿基仑赛 CAR-T", Limit = 1 }).Hits[0].Id;
        }

        // The real study records cgt demo ships, for the trials dashboard.
        var studies = new Knowledge.CtgovImporter(new Knowledge.TrialClassifier(TextServices.Default, Knowledge.KnowledgeBase.Default))
            .ParsePaths([Path.Combine(TestPaths.Samples, "ctgov")]);
        using (var trials = SqliteTrialStore.Open(db))
        {
            trials.Upsert(studies.Trials);
        }

        _app = CgtWebApp.Build(["--Cgt:Token=" + Token], new CgtWebOptions { DbPath = db, Urls = "http://127.0.0.1:0", Output = TextWriter.Null });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');

        // A lived-in workspace for the topic page and the screenshots.
        _app.Services.GetRequiredService<LibraryGate>().Run((library, w) =>
        {
            var ids = library.Search(new Search.SearchRequest { Query = "collection:CGT产品", Limit = 30, Sort = Search.SearchSort.Newest }).Hits.Select(h => h.Id).ToList();
            for (var i = 0; i < ids.Count; i++)
            {
                w.SetStatus(ids[i], (i % 7) switch { 0 or 1 => ReviewStatus.Done, 2 => ReviewStatus.Reviewing, 3 => ReviewStatus.Archived, _ => ReviewStatus.New });
            }

            w.AddTag(CarTDocumentId, "奕凯达", TagType.Product);
            w.AddTag(CarTDocumentId, "复星凯特", TagType.Company);
            w.SaveSearch("溶瘤病毒", "溶瘤病毒 OR oncolytic");
            return 0;
        });

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh page (own cookies) at the given width; <paramref name="unlocked"/> enters the token first.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool unlocked = false, string? language = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseUrl,
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        if (language is not null)
        {
            await page.GotoAsync($"/lang/{language}?returnUrl=/");
        }

        if (unlocked)
        {
            await page.GotoAsync("/unlock");
            await page.FillAsync("#accessToken", Token);
            await page.ClickAsync(".unlock-form button[type=submit]");
            await page.WaitForURLAsync(BaseUrl + "/");
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
