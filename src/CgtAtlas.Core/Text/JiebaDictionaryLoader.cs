using System.Globalization;
using System.Reflection;
using JiebaNet.Segmenter;

namespace CgtAtlas.Text;

/// <summary>
/// Loads jieba's main dictionary (<c>word freq [tag]</c> per line) into jieba.NET's prefix dictionary.
/// </summary>
/// <remarks>
/// jieba.NET's own loader splits every line into strings and allocates every prefix of every word: ~0.8 s of CPU for the
/// 349,046-word dictionary, most of a cold <c>cgt search</c> that needs segmentation. This builds the same table — each
/// word with its frequency, each proper prefix with 0 unless it is a word, the total of all frequencies — from spans,
/// allocating only keys that are new, and installs it in jieba's dictionary singleton. The table is an internal field of
/// jieba.NET 0.42.2 (pinned centrally); if a future version renames it, the dictionary is fed through the public
/// <c>LoadUserDict</c> instead — slower, same words.
/// </remarks>
public static class JiebaDictionaryLoader
{
    /// <summary>Builds the prefix table and frequency total of the dictionary file at <paramref name="path"/>.</summary>
    public static (Dictionary<string, int> Table, double Total) Read(string path)
    {
        var text = File.ReadAllText(path);
        var table = new Dictionary<string, int>(capacity: 600_000, StringComparer.Ordinal);
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        double total = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd('\r');
            var space = line.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var word = line[..space];
            var rest = line[(space + 1)..];
            var end = rest.IndexOf(' ');
            if (!int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var frequency))
            {
                continue;
            }

            // As jieba: the word takes its frequency (a later duplicate wins, and both count in the total)...
            lookup[word] = frequency;
            total += frequency;

            // ...and every shorter prefix is present, with 0 unless it is a word itself.
            for (var length = 1; length < word.Length; length++)
            {
                lookup.TryAdd(word[..length], 0);
            }
        }

        return (table, total);
    }

    /// <summary>Installs the dictionary at <paramref name="path"/> in jieba's singleton (which must have loaded empty).</summary>
    public static void Install(JiebaSegmenter segmenter, string path)
    {
        var field = typeof(WordDictionary).GetField("Trie", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field is null || !field.FieldType.IsAssignableFrom(typeof(Dictionary<string, int>)))
        {
            segmenter.LoadUserDict(path);
            return;
        }

        var (table, total) = Read(path);
        field.SetValue(WordDictionary.Instance, table);
        WordDictionary.Instance.Total = total;
    }
}
