using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CgtAtlas.Core.Tests;
using CgtAtlas.Knowledge;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;

namespace CgtAtlas.Web.Tests;

/// <summary>The trials dashboard over the real study records shipped in samples/ctgov (facts listed in tests/data/ctgov/EXPECTED.md).</summary>
public sealed class TrialDashboardTests : IClassFixture<WebFixture>
{
    private readonly WebFixture _web;

    public TrialDashboardTests(WebFixture web)
    {
        _web = web;
        var result = new CtgovImporter(new TrialClassifier(TextServices.Default, KnowledgeBase.Default)).ParsePaths([Path.Combine(TestPaths.Samples, "ctgov")]);
        Assert.Empty(result.Errors);
        using var store = SqliteTrialStore.Open(web.DbPath);
        store.Upsert(result.Trials);
    }

    private static int Count(JsonElement report, string dimension, string key) => report.GetProperty("breakdowns").EnumerateArray()
        .Single(b => b.GetProperty("dimension").GetString() == dimension).GetProperty("rows").EnumerateArray()
        .Where(r => r.GetProperty("key").GetString() == key).Select(r => r.GetProperty("count").GetInt32()).SingleOrDefault();

    [Fact]
    public async Task Api_counts_trials_by_country_and_modality()
    {
        var report = await _web.Client().GetFromJsonAsync<JsonElement>("/api/stats/trials?by=country,modality");
        Assert.Equal(6, report.GetProperty("total").GetInt32());
        Assert.Equal(4, Count(report, "country", "United States"));
        Assert.Equal(2, Count(report, "country", "China"));
        Assert.Equal(4, Count(report, "modality", "CAR-T"));
        Assert.Equal(1, Count(report, "modality", "gene editing"));
        var phases = await _web.Client().GetFromJsonAsync<JsonElement>("/api/stats/trials?by=phases");
        Assert.Equal("phase", phases.GetProperty("breakdowns")[0].GetProperty("dimension").GetString());
    }

    [Fact]
    public async Task Api_rejects_an_unknown_dimension()
    {
        foreach (var (by, detail) in new[] { ("planet", "planet"), ("country,sponsor", "sponsor"), (",", "at least one") })
        {
            await Problems.AssertBadRequestAsync(await _web.Client().GetAsync("/api/stats/trials?by=" + by), detail);
        }
    }

    [Fact]
    public async Task Landscape_bars_link_to_the_trial_records_behind_them()
    {
        var html = await _web.Client().GetStringAsync("/landscape");
        Assert.Contains("id=\"trials-by-country\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"trials-by-modality\"", html, StringComparison.Ordinal);
        Assert.Matches("<a class=\"bar m0 w-50\" href=\"/landscape/trials\\?country=China\"", html);
        Assert.Contains("href=\"/landscape/trials?modality=gene%20editing\"", html, StringComparison.Ordinal);

        var china = await _web.Client().GetStringAsync("/landscape/trials?country=China");
        var listed = Regex.Matches(china, "<tr id=\"(NCT\\d{8})\"").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(["NCT03874897", "NCT04135300"], listed);
        Assert.Contains("href=\"https://clinicaltrials.gov/study/NCT03874897\"", china, StringComparison.Ordinal);
        Assert.Contains("CARsgen Therapeutics", china, StringComparison.Ordinal);

        var both = await _web.Client().GetStringAsync("/landscape/trials?country=United%20States&modality=gene%20editing");
        Assert.Equal(["NCT03655678"], Regex.Matches(both, "<tr id=\"(NCT\\d{8})\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Trial_records_show_phase_and_status_in_words()
    {
        var trials = await _web.Client().GetStringAsync("/landscape/trials");
        Assert.DoesNotMatch("<td>[^<]*PHASE\\d", trials);
        Assert.DoesNotContain("<td>COMPLETED</td>", trials, StringComparison.Ordinal);
        Assert.Contains("<td>Completed</td>", trials, StringComparison.Ordinal);

        var zh = _web.Client();
        zh.DefaultRequestHeaders.Add("Cookie", "cgt_lang=zh");
        var trialsZh = await zh.GetStringAsync("/landscape/trials");
        Assert.Contains("<td>已完成</td>", trialsZh, StringComparison.Ordinal);
        Assert.Matches(new Regex("<td>[^<]*\\d期"), trialsZh);
    }

    [Fact]
    public async Task Unknown_bar_values_are_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _web.Client().GetAsync("/landscape/trials?country=Atlantis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _web.Client().GetAsync("/landscape/trials?modality=widgets")).StatusCode);
        var all = await _web.Client().GetStringAsync("/landscape/trials");
        Assert.Equal(6, Regex.Matches(all, "<tr id=\"NCT\\d{8}\"").Count);
    }
}
