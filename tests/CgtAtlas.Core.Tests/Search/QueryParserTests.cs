using CgtAtlas.Documents;
using CgtAtlas.Search;

namespace CgtAtlas.Core.Tests.Search;

public sealed class QueryParserTests
{
    private static ParsedQuery Parse(string query) => new QueryParser().Parse(query);

    [Fact]
    public void Words_are_anded_and_or_binds_looser()
    {
        var root = Parse("溶瘤病毒 OR oncolytic virus").Root;
        var or = Assert.IsType<OrNode>(root);
        Assert.Equal(new TermNode("溶瘤病毒"), or.Children[0]);
        var and = Assert.IsType<AndNode>(or.Children[1]);
        Assert.Equal([new TermNode("oncolytic"), new TermNode("virus")], and.Children);
    }

    [Fact]
    public void Phrases_groups_and_negation()
    {
        var root = Assert.IsType<AndNode>(Parse("(CAR-T OR \"cell therapy\") -淋巴瘤 NOT price").Root);
        Assert.IsType<OrNode>(root.Children[0]);
        Assert.Equal(new NotNode(new TermNode("淋巴瘤")), root.Children[1]);
        Assert.Equal(new NotNode(new TermNode("price")), root.Children[2]);
    }

    [Fact]
    public void Hyphenated_identifiers_are_not_negations() =>
        Assert.Equal(new TermNode("CAR-T"), Parse("CAR-T").Root);

    [Fact]
    public void Filters_are_lifted_out_of_the_text_condition()
    {
        var parsed = Parse("title:溶瘤 lang:zh collection:CGT产品 after:2025-01 before:2025 source:新华");
        Assert.Equal(new TermNode("溶瘤", TitleOnly: true), parsed.Root);
        Assert.Equal([Language.Zh], parsed.Filters.Languages);
        Assert.Equal(["CGT产品"], parsed.Filters.Collections);
        Assert.Equal(new DateOnly(2025, 1, 1), parsed.Filters.After);
        Assert.Equal(new DateOnly(2025, 12, 31), parsed.Filters.Before);
        Assert.Equal(["新华"], parsed.Filters.Sources);
    }

    [Fact]
    public void Filter_only_queries_are_allowed() => Assert.Null(Parse("collection:\"CGT 产品\"").Root);

    [Fact]
    public void Chinese_quotes_and_full_width_parentheses_work()
    {
        var root = Assert.IsType<OrNode>(Parse("（“基因治疗” OR 细胞治疗）").Root);
        Assert.Equal(new PhraseNode("基因治疗"), root.Children[0]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("(CAR-T", "never closed")]
    [InlineData("CAR-T)", "Unbalanced ')'")]
    [InlineData("\"unterminated", "never closed")]
    [InlineData("CAR-T OR", "both sides")]
    [InlineData("OR CAR-T", "both sides")]
    [InlineData("-CAR-T", "at least one word")]
    [InlineData("NOT", "followed by a word")]
    [InlineData("lang:fr", "Unknown language")]
    [InlineData("after:yesterday", "not a date")]
    [InlineData("after:2025-06-01 before:2025-01-01", "later than")]
    [InlineData("lang:", "needs a value")]
    [InlineData("CAR-T OR lang:zh", "cannot")]
    [InlineData("-(lang:zh)", "cannot")]
    [InlineData("()", "Empty")]
    [InlineData("\"\"", "Empty phrase")]
    public void Malformed_queries_get_a_clear_message(string query, string expectedFragment)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Parse(query));
        Assert.Contains(expectedFragment, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Hostile_nesting_and_length_are_refused_not_crashing()
    {
        Assert.Throws<QuerySyntaxException>(() => Parse(new string('(', 5000) + "a" + new string(')', 5000)));
        Assert.Throws<QuerySyntaxException>(() => Parse(string.Join(' ', Enumerable.Repeat("a", 200))));
        Assert.Throws<QuerySyntaxException>(() => Parse(new string('x', QueryParser.MaxLength + 1)));
        Assert.Throws<QuerySyntaxException>(() => Parse(string.Concat(Enumerable.Repeat("NOT ", 100)) + "a"));
    }

    [Theory]
    [InlineData("a\" OR 1=1 --")]
    [InlineData("title:\"x\" ; DROP TABLE documents")]
    [InlineData("NEAR(a b) * ^c")]
    [InlineData("{body}: x")]
    public void Engine_syntax_is_only_ever_text(string query)
    {
        // Either a clean parse or a clean syntax error: never another exception type.
        try
        {
            Parse(query);
        }
        catch (QuerySyntaxException)
        {
        }
    }

    [Fact]
    public void Random_input_never_throws_anything_but_syntax_errors()
    {
        var random = new Random(20251125);
        const string alphabet = "ab 中文()\"-:OR NOT lang title after 2025\u201C\u201D（）|*^{}";
        for (var i = 0; i < 3000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            try
            {
                Parse(new string(chars));
            }
            catch (QuerySyntaxException)
            {
            }
        }
    }
}
