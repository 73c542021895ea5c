using System.Globalization;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Text;

public sealed class JiebaMainDictionaryTests
{
    private static string ShippedDictionary() => Path.Combine(AppContext.BaseDirectory, "data", "jieba", "dict.txt");

    [Fact]
    public void Installing_everything_builds_the_same_prefix_table_as_jiebas_own_rule()
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

        var dictionary = JiebaMainDictionary.Open(ShippedDictionary());
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        dictionary.InstallAll(table);

        Assert.True(expected.Count > 300_000);
        Assert.Equal(expected.Count, table.Count);
        Assert.Equal(expectedTotal, dictionary.Total);
        Assert.All(expected, kv => Assert.Equal(kv.Value, table[kv.Key]));
    }

    [Fact]
    public void Installs_only_the_entries_of_the_characters_asked_for_and_tolerates_bad_lines()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "细胞 100 n\r\n治疗 50\r\n\r\nbroken-line\n坏 x n\n细胞治疗 7 n\n胞 3 n\n");
            var dictionary = JiebaMainDictionary.Open(path);
            Assert.Equal(160, dictionary.Total);

            var table = new Dictionary<string, int>(StringComparer.Ordinal);
            dictionary.Install("细", table);
            Assert.Equal(new Dictionary<string, int> { ["细胞"] = 100, ["细"] = 0, ["细胞治疗"] = 7, ["细胞治"] = 0 }, table);

            dictionary.Install("治疗细", table);
            Assert.Equal(50, table["治疗"]);
            Assert.Equal(0, table["治"]);
            Assert.Equal(6, table.Count);
            Assert.False(table.ContainsKey("坏"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Expected cuts were produced by jieba.NET's own loader (with the same user dictionary and glossary words) before the
    // dictionary was installed by first character; the two agreed on all 4,616 query-like strings cut from the samples.
    [Theory]
    [InlineData("细胞治疗产品获批上市", "细胞治疗产品|获批上市")]
    [InlineData("肿瘤微环境", "肿瘤|微|环境")]
    [InlineData("国产细胞治疗产品价格偏高", "国产|细胞治疗产品|价格|偏|高")]
    [InlineData("基因治疗药物上市申请获得受理", "基因治疗药物|上市申请|获得|受理")]
    [InlineData("溶瘤病毒联合免疫检查点抑制剂", "溶瘤病毒|联合|免疫|检查点|抑制剂")]
    public void The_segmenter_cuts_as_jiebas_own_loader_did(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', TextServices.Default.Segmenter.Segment(text)));
}
