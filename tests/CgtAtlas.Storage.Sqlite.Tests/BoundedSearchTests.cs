using System.Globalization;
using CgtAtlas.Search;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests;

/// <summary>
/// A broad query (more matches than the store's rank window) is answered from the newest matches without scoring them
/// all: the window with title matches first, then older matches, an estimated total, and pages that continue each other.
/// The window is shrunk to 4 so a small library exercises the path a 100k-document library takes.
/// </summary>
public sealed class BoundedSearchTests : IDisposable
{
    private const int Documents = 40;
    private readonly TempLibrary _temp = new();
    private readonly List<(long Id, int Index)> _stored = [];

    public BoundedSearchTests()
    {
        for (var i = 0; i < Documents; i++)
        {
            // Every third document is about gene therapy only; every fifth names CAR-T in its title too.
            var title = i % 5 == 0 ? $"CAR-T market note {i}" : $"Market note {i}";
            var body = i % 3 == 2 ? $"Gene therapy pipeline update number {i}." : $"A CAR-T cell therapy update, item {i}, with new data.";
            if (i == 7)
            {
                body += " BCMA is the target.";
            }

            var date = new DateOnly(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var path = _temp.Write($"d{i:D2}.md", $"---\ntitle: {title}\ndate: {date}\n---\n{body}\n");
            _stored.Add((Assert.Single(_temp.Library.Ingest([path]).Documents).Id, i));
        }

        ((SqliteLibraryStore)_temp.Library.Store).RankWindow = 4;
    }

    private List<int> CarTIndexesNewestFirst() =>
        _stored.Where(s => s.Index % 3 != 2 || s.Index % 5 == 0).OrderByDescending(s => s.Id).Select(s => s.Index).ToList();

    private int IndexOf(long id) => _stored.Single(s => s.Id == id).Index;

    [Fact]
    public void A_query_within_the_window_is_ranked_by_bm25_with_an_exact_total()
    {
        var results = _temp.Library.Search(new SearchRequest { Query = "BCMA" });
        Assert.False(results.RankedByRecency);
        Assert.False(results.TotalIsEstimate);
        Assert.Equal(7, IndexOf(Assert.Single(results.Hits).Id));
    }

    [Fact]
    public void A_broad_query_shows_the_newest_window_title_matches_first_then_older_matches()
    {
        var results = _temp.Library.Search(new SearchRequest { Query = "CAR-T", Limit = 10 });
        Assert.True(results.RankedByRecency);

        var newest = CarTIndexesNewestFirst();
        var window = newest.Take(4).ToList();
        var expected = window.Where(i => i % 5 == 0).Concat(window.Where(i => i % 5 != 0)).Concat(newest.Skip(4)).Take(10).ToList();
        Assert.Equal(expected, results.Hits.Select(h => IndexOf(h.Id)).ToList());
        Assert.All(results.Hits, h => Assert.Equal(h.Title.StartsWith("CAR-T", StringComparison.Ordinal) && window.Contains(IndexOf(h.Id)) ? 1 : 0, h.Score));
    }

    [Fact]
    public void The_index_and_the_title_predicate_agree_on_title_matches()
    {
        var match = new QueryExpander(TextServices.Default).Expand(new QueryParser().Parse("CAR-T").Root!);
        var byIndex = _temp.Library.Store.Search(match, new SearchFilters(), SearchSort.Relevance, 10, 0);
        var byPredicate = _temp.Library.Store.Search(match, new SearchFilters(), SearchSort.Relevance, 10, 0,
            _temp.Library.TitleMatcher(QueryExpander.PositivePhrases(match)));
        Assert.Equal(byIndex.Hits.Select(h => (h.Id, h.Score)), byPredicate.Hits.Select(h => (h.Id, h.Score)));
        Assert.Contains(byIndex.Hits, h => h.Score == 1);
    }

    [Fact]
    public void The_total_of_a_broad_query_is_an_estimate_close_to_the_count()
    {
        var actual = CarTIndexesNewestFirst().Count;
        var results = _temp.Library.Search(new SearchRequest { Query = "CAR-T", Limit = 2 });
        Assert.True(results.TotalIsEstimate);
        Assert.InRange(results.Total, actual * 0.75, actual * 1.25);

        // A page that reaches the last match sees every match, so its total is counted.
        var last = _temp.Library.Search(new SearchRequest { Query = "CAR-T", Limit = 20, Offset = actual - 5 });
        Assert.False(last.TotalIsEstimate);
        Assert.Equal(actual, last.Total);
    }

    [Fact]
    public void Pages_of_a_broad_query_continue_each_other()
    {
        var whole = _temp.Library.Search(new SearchRequest { Query = "CAR-T", Limit = 100 }).Hits.Select(h => h.Id).ToList();
        var paged = new List<long>();
        for (var offset = 0; offset < whole.Count; offset += 3)
        {
            paged.AddRange(_temp.Library.Search(new SearchRequest { Query = "CAR-T", Limit = 3, Offset = offset }).Hits.Select(h => h.Id));
        }

        Assert.Equal(CarTIndexesNewestFirst().Count, whole.Count);
        Assert.Equal(whole, paged);
    }

    [Fact]
    public void Newest_sort_counts_and_orders_every_match()
    {
        var results = _temp.Library.Search(new SearchRequest { Query = "CAR-T", Sort = SearchSort.Newest, Limit = 5 });
        Assert.False(results.TotalIsEstimate);
        Assert.Equal(CarTIndexesNewestFirst().Count, results.Total);
        Assert.Equal(CarTIndexesNewestFirst().Take(5).ToList(), results.Hits.Select(h => IndexOf(h.Id)).ToList());
    }

    public void Dispose() => _temp.Dispose();
}
