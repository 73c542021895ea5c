using System.Globalization;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Text;

public sealed class JiebaDictionaryLoaderTests
{
    private static string ShippedDictionary() => Path.Combine(AppContext.BaseDirectory, "data", "jieba", "dict.txt");

    [Fact]
    public void Builds_the_same_prefix_table_as_jiebas_own_rule_on_the_shipped_dictionary()
    {
        // jieba's rule, written the plain way: every word with its frequency (the last duplicate wins, all count in the
        // total) and every shorter prefix with 0 unless it is a word.
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        double expectedTotal = 0;
        foreach (var line in File.ReadLines(ShippedDictionary()))
        {
            var parts = line.Split(' ');
            if (parts.Length < 2)
            {
                continue;
            }

            var frequency = int.Parse(parts[1], CultureInfo.InvariantCulture);
            expected[parts[0]] = frequency;
            expectedTotal += frequency;
            for (var n = 1; n < parts[0].Length; n++)
            {
                expected.TryAdd(parts[0][..n], 0);
            }
        }

        var (table, total) = JiebaDictionaryLoader.Read(ShippedDictionary());

        Assert.True(expected.Count > 300_000);
        Assert.Equal(expected.Count, table.Count);
        Assert.Equal(expectedTotal, total);
        Assert.All(expected, kv => Assert.Equal(kv.Value, table[kv.Key]));
    }

    [Fact]
    public void Tolerates_crlf_tagless_and_malformed_lines()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "细胞 100 n\r\n治疗 50\r\n\r\nbroken-line\n坏 x n\n细胞治疗 7 n\n");
            var (table, total) = JiebaDictionaryLoader.Read(path);
            Assert.Equal(157, total);
            Assert.Equal(100, table["细胞"]);
            Assert.Equal(50, table["治疗"]);
            Assert.Equal(7, table["细胞治疗"]);
            Assert.Equal(0, table["细"]);
            Assert.Equal(0, table["细胞治"]);
            Assert.False(table.ContainsKey("坏"));
            Assert.False(table.ContainsKey("broken-line"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Expected cuts were produced by jieba.NET's own loader (with the same user dictionary and glossary words) before this
    // loader replaced it; the two agreed on all 4,616 query-like strings cut from the sample corpus.
    [Theory]
    [InlineData("细胞治疗产品获批上市", "细胞治疗产品|获批上市")]
    [InlineData("肿瘤微环境", "肿瘤|微|环境")]
    [InlineData("国产细胞治疗产品价格偏高", "国产|细胞治疗产品|价格|偏|高")]
    [InlineData("基因治疗药物上市申请获得受理", "基因治疗药物|上市申请|获得|受理")]
    [InlineData("溶瘤病毒联合免疫检查点抑制剂", "溶瘤病毒|联合|免疫|检查点|抑制剂")]
    public void The_segmenter_cuts_as_jiebas_own_loader_did(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', TextServices.Default.Segmenter.Segment(text)));
}
