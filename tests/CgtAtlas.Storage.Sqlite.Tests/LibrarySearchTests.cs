using CgtAtlas.Documents;
using CgtAtlas.Ingest;
using CgtAtlas.Search;

namespace CgtAtlas.Core.Tests;

public sealed class LibrarySearchTests : IDisposable
{
    private readonly TempLibrary _temp = new();
    private readonly Dictionary<string, long> _ids = [];

    public LibrarySearchTests()
    {
        Add("oncolytic-zh.md", "2025-03-01", "溶瘤病毒疗法进展", "溶瘤病毒是一类能够选择性感染并裂解肿瘤细胞的病毒，安柯瑞于2005年在国内获批。", collection: "CGT产品");
        Add("oncolytic-en.md", "2025-05-01", "Oncolytic virotherapy after T-VEC",
            "Imlygic was the first oncolytic virus approved by the FDA, in 2015, for melanoma.");
        Add("cart-price.md", "2024-07-01", "CAR T pricing in China",
            "A CAR T infusion costs more than one million yuan; 医保 coverage is limited and 价格 remains the main barrier.");
        Add("cart-zh.md", "2021-06-23", "首个嵌合抗原受体T细胞疗法获批",
            "国家药监局批准阿基仑赛注射液上市，这是国内首个嵌合抗原受体T细胞治疗产品，用于大B细胞淋巴瘤。", collection: "CGT产品");
        Add("nmpa-en.md", "2025-01-02", "Stem cell approval",
            "The National Medical Products Administration granted conditional approval to amimestrocel for acute GVHD.");
        Add("hant.md", "2025-10-02", "細胞治療價格",
            "國家藥品監督管理局核准的細胞治療產品價格仍然偏高，醫保談判進展緩慢。");
    }

    private void Add(string name, string date, string title, string body, string? collection = null)
    {
        var front = $"---\ntitle: {title}\ndate: {date}\n" + (collection is null ? string.Empty : $"collections: [{collection}]\n") + "---\n";
        var path = _temp.Write(name, front + body + "\n");
        var report = _temp.Library.Ingest([path]);
        _ids[name] = Assert.Single(report.Documents).Id;
    }

    private List<string> Find(string query, int limit = 20)
    {
        var results = _temp.Library.Search(new SearchRequest { Query = query, Limit = limit });
        return results.Hits.Select(h => _ids.Single(kv => kv.Value == h.Id).Key).ToList();
    }

    [Fact]
    public void English_query_finds_chinese_documents_through_the_glossary() =>
        Assert.Equal(["oncolytic-en.md", "oncolytic-zh.md"], Find("oncolytic virus").Order(StringComparer.Ordinal));

    [Fact]
    public void Chinese_query_finds_english_documents() => Assert.Contains("oncolytic-en.md", Find("溶瘤病毒"));

    [Fact]
    public void Car_t_finds_spaced_and_chinese_forms()
    {
        var hits = Find("CAR-T");
        Assert.Contains("cart-price.md", hits);
        Assert.Contains("cart-zh.md", hits);
    }

    [Fact]
    public void Nmpa_finds_chinese_and_traditional_regulator_names()
    {
        var hits = Find("NMPA");
        Assert.Contains("cart-zh.md", hits);
        Assert.Contains("nmpa-en.md", hits);
        Assert.Contains("hant.md", hits);
    }

    [Theory]
    [InlineData("价格")]
    [InlineData("医保")]
    public void Two_character_chinese_words_work(string word)
    {
        var hits = Find(word);
        Assert.Contains("cart-price.md", hits);
        Assert.Contains("hant.md", hits);
    }

    [Fact]
    public void Filters_restrict_by_language_collection_and_date()
    {
        Assert.Equal(["oncolytic-zh.md"], Find("oncolytic virus lang:zh"));
        Assert.Equal(["cart-zh.md", "oncolytic-zh.md"], Find("collection:CGT产品").Order(StringComparer.Ordinal));
        Assert.Equal(["oncolytic-en.md"], Find("oncolytic virus after:2025-04"));
        Assert.Equal(["oncolytic-zh.md"], Find("oncolytic virus before:2025-03-31"));
    }

    [Fact]
    public void Not_and_title_operators()
    {
        Assert.Equal(["cart-price.md"], Find("CAR-T -淋巴瘤"));
        Assert.Equal(["oncolytic-zh.md"], Find("title:溶瘤"));
        Assert.Equal(["cart-price.md"], Find("\"one million yuan\""));
    }

    [Fact]
    public void Results_are_paged_with_a_total()
    {
        var first = _temp.Library.Search(new SearchRequest { Query = "NMPA", Limit = 1 });
        var second = _temp.Library.Search(new SearchRequest { Query = "NMPA", Limit = 1, Offset = 1 });
        var beyond = _temp.Library.Search(new SearchRequest { Query = "NMPA", Limit = 1, Offset = 50 });
        Assert.Equal(3, first.Total);
        Assert.Equal(3, beyond.Total);
        Assert.Empty(beyond.Hits);
        Assert.NotEqual(first.Hits[0].Id, second.Hits[0].Id);
    }

    [Fact]
    public void Title_matches_rank_above_body_matches()
    {
        // 價格 is in hant.md's title and body; cart-price.md has 价格 in its body only.
        var hits = Find("价格");
        Assert.Equal(["hant.md", "cart-price.md"], hits);
    }

    [Fact]
    public void Snippets_highlight_matches_in_both_languages_and_escape_html()
    {
        var hit = _temp.Library.Search(new SearchRequest { Query = "oncolytic virus" }).Hits.Single(h => h.Id == _ids["oncolytic-zh.md"]);
        Assert.Contains("<mark>溶瘤病毒</mark>", hit.Snippet!.ToHtml(), StringComparison.Ordinal);
        var en = _temp.Library.Search(new SearchRequest { Query = "melanoma" }).Hits.Single();
        Assert.Contains("<mark>melanoma</mark>", en.Snippet!.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(1, en.Snippet.Paragraph);
    }

    [Fact]
    public void Newest_sort_orders_by_date()
    {
        var results = _temp.Library.Search(new SearchRequest { Query = "NMPA", Sort = SearchSort.Newest });
        var dates = results.Hits.Select(h => h.Published).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Theory]
    [InlineData("\"unclosed")]
    [InlineData("a OR")]
    [InlineData("lang:klingon x")]
    public void Malformed_queries_raise_syntax_errors_not_sql_errors(string query) =>
        Assert.Throws<QuerySyntaxException>(() => _temp.Library.Search(new SearchRequest { Query = query }));

    [Fact]
    public void Fts_syntax_in_user_input_is_matched_as_text()
    {
        foreach (var query in new[] { "NEAR(a b)", "body:x", "a* ^b", "\"a\"\" OR b\"", "{title}:x" })
        {
            try
            {
                _temp.Library.Search(new SearchRequest { Query = query });
            }
            catch (QuerySyntaxException)
            {
            }
        }
    }

    [Fact]
    public void Language_is_recorded_per_document()
    {
        var zh = _temp.Library.GetDocument(_ids["cart-zh.md"])!;
        var en = _temp.Library.GetDocument(_ids["nmpa-en.md"])!;
        Assert.Equal(Language.Zh, zh.Language);
        Assert.Equal(Language.En, en.Language);
    }

    public void Dispose() => _temp.Dispose();
}
