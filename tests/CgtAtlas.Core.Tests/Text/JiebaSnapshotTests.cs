using System.Text;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Text;

public sealed class JiebaSnapshotTests : IDisposable
{
    private const string SmallDictionary = "细胞 100 n\n治疗 50\n细胞治疗 7 n\n胞 3 n\n病毒 20 n\n𠀀字 2 n\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-jieba-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_saved_start_up_gives_its_settled_groups_and_the_file_for_every_other_character()
    {
        var (main, started, key) = StartUp(SmallDictionary, "细治");
        var path = JiebaSnapshot.FileFor(_dir, key);
        Assert.True(JiebaSnapshot.TryWrite(path, key, Words("细胞因子"), main.OwnTotal, 205, main.Runs, started));

        var snapshot = JiebaSnapshot.TryRead(path, key);
        Assert.NotNull(snapshot);
        Assert.Equal(Words("细胞因子"), snapshot.WordsDigest);
        var settled = JiebaMainDictionary.Settled(SmallDictionary, snapshot);
        Assert.True(settled.IsSettled);
        Assert.Equal(205, settled.Total);
        Assert.Equal(182, settled.OwnTotal);

        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        settled.Install("细胞病治𠀀", table);

        // 细 and 治 as start-up left them (a user word, a changed frequency); 胞, 病 and the surrogate pair's lead from the file.
        var expected = new Dictionary<string, int>(started, StringComparer.Ordinal);
        JiebaMainDictionary.Index(SmallDictionary).Install("胞病𠀀", expected);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), table.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(5, table["细胞因子"]);
        Assert.Equal(80, table["治疗"]);
        Assert.Equal(20, table["病毒"]);
        Assert.Equal(2, table["𠀀字"]);

        // Without its settled groups the same index gives the plain file again.
        var plain = new Dictionary<string, int>(StringComparer.Ordinal);
        var unsettled = settled.Unsettled();
        unsettled.Install("细治", plain);
        Assert.Equal(182, unsettled.Total);
        Assert.Equal(50, plain["治疗"]);
        Assert.False(plain.ContainsKey("细胞因子"));
    }

    [Fact]
    public void A_snapshot_for_other_dictionaries_a_damaged_file_or_no_file_is_ignored()
    {
        var (main, started, key) = StartUp(SmallDictionary, "细");
        var path = JiebaSnapshot.FileFor(_dir, key);
        Assert.Null(JiebaSnapshot.TryRead(path, key));
        Assert.True(JiebaSnapshot.TryWrite(path, key, Words(), main.OwnTotal, main.OwnTotal, main.Runs, started));

        var otherKey = JiebaSnapshot.DigestDictionaries(Encoding.UTF8.GetBytes(SmallDictionary + "新 1 n\n"), []);
        Assert.NotEqual(key, otherKey);
        Assert.Null(JiebaSnapshot.TryRead(path, otherKey));

        var whole = File.ReadAllBytes(path);
        foreach (var length in new[] { 0, 8, 60, whole.Length / 2, whole.Length - 1 })
        {
            File.WriteAllBytes(path, whole[..length]);
            Assert.Null(JiebaSnapshot.TryRead(path, key));
        }

        var flipped = (byte[])whole.Clone();
        flipped[12] ^= 0xFF; // inside the key
        File.WriteAllBytes(path, flipped);
        Assert.Null(JiebaSnapshot.TryRead(path, key));

        File.WriteAllBytes(path, [.. whole, 0]);
        Assert.Null(JiebaSnapshot.TryRead(path, key));

        File.WriteAllBytes(path, whole);
        Assert.NotNull(JiebaSnapshot.TryRead(path, key));
    }

    [Fact]
    public void The_shipped_dictionary_round_trips_entry_for_entry()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "data", "jieba", "dict.txt");
        var text = JiebaMainDictionary.Decode(File.ReadAllBytes(file));
        var main = JiebaMainDictionary.Index(text);

        // Start-up settles the characters of some words (as the user dictionary and glossary would) and changes entries.
        const string userWords = "嵌合抗原受体溶瘤病毒国家药监局细胞治疗产品";
        var started = new Dictionary<string, int>(StringComparer.Ordinal);
        main.Install(userWords, started);
        started["嵌合抗原受体"] = 12;
        started.TryAdd("嵌合抗原受", 0);
        started["溶瘤病毒"] = 9;

        var key = JiebaSnapshot.DigestDictionaries(File.ReadAllBytes(file), []);
        var path = JiebaSnapshot.FileFor(_dir, key);
        Assert.True(JiebaSnapshot.TryWrite(path, key, Words("x"), main.OwnTotal, main.OwnTotal + 21, main.Runs, started));
        var settled = JiebaMainDictionary.Settled(text, JiebaSnapshot.TryRead(path, key)!);

        // Every character of the dictionary: the settled ones as start-up left them, the rest as the file says.
        var all = new string([.. main.Runs.Keys]);
        var fromSnapshot = new Dictionary<string, int>(StringComparer.Ordinal);
        settled.Install(all, fromSnapshot);
        var expected = new Dictionary<string, int>(started, StringComparer.Ordinal);
        JiebaMainDictionary.Index(text).Install(new string([.. all.Where(c => !userWords.Contains(c))]), expected);

        Assert.True(expected.Count > 300_000);
        Assert.Equal(expected.Count, fromSnapshot.Count);
        Assert.All(expected, kv => Assert.Equal(kv.Value, fromSnapshot[kv.Key]));
        Assert.Equal(main.OwnTotal + 21, settled.Total);
    }

    private static byte[] Words(params string[] words) => JiebaSnapshot.DigestWords(words);

    // What a start-up leaves for the small dictionary: the characters of the user words installed, one word added, one changed.
    private static (JiebaMainDictionary Main, Dictionary<string, int> Table, byte[] Key) StartUp(string dictionary, string userCharacters)
    {
        var main = JiebaMainDictionary.Index(dictionary);
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        main.Install(userCharacters, table);
        if (userCharacters.Contains('细'))
        {
            table["细胞因子"] = 5;
            table.TryAdd("细胞因", 0);
        }

        if (userCharacters.Contains('治'))
        {
            table["治疗"] = 80;
        }

        return (main, table, JiebaSnapshot.DigestDictionaries(Encoding.UTF8.GetBytes(dictionary), "细胞因子 5 n\n"u8));
    }
}
